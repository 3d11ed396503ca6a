namespace Booking.Silo.Messages;

/// <summary>The <c>Booking:Mail</c> section: where mail goes out and who it is from.</summary>
public sealed class MailOptions
{
    public const string SectionName = "Booking:Mail";

    /// <summary>The sender address (<c>Booking__Mail__From</c>), also the domain of Message-Ids.</summary>
    public string From { get; set; } = "booking@localhost";

    /// <summary>The sender's display name.</summary>
    public string FromName { get; set; } = "Booking";

    /// <summary>The address people reach the API at; mails link back to bookings under it.</summary>
    public string PublicBaseUrl { get; set; } = "http://localhost:5000";

    public SmtpOptions Smtp { get; set; } = new();
}
