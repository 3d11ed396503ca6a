namespace Booking.Web.Demo;

/// <summary>A demo account as the start banner shows it; the password only when this start created the account.</summary>
internal sealed record DemoAccount(string Role, string Email, string? Password, string Purpose);
