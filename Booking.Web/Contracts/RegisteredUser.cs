using Booking.Grains.Interfaces.Accounts;

namespace Booking.Web.Contracts;

/// <summary>The account a registration created.</summary>
public sealed record RegisteredUser(string Id, string Email, UserRole Role);
