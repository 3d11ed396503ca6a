namespace Booking.Web.Auth;

/// <summary>The first administrator (<c>Booking:Admin</c>), created at start-up when absent.</summary>
internal sealed class AdminOptions
{
    public const string SectionName = "Booking:Admin";

    public string? Email { get; set; }

    public string? Password { get; set; }

    public string FirstName { get; set; } = "Booking";

    public string LastName { get; set; } = "Administrator";
}
