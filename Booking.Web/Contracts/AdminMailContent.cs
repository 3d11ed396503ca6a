using Booking.Grains.Messages;

namespace Booking.Web.Contracts;

/// <summary>One mail with its content, for administrators.</summary>
public sealed record AdminMailContent
{
    public required AdminMail Mail { get; init; }

    /// <summary>The plain-text part; null until rendered, and for security mails.</summary>
    public string? Text { get; init; }

    /// <summary>The HTML part; null until rendered, and for security mails.</summary>
    public string? Html { get; init; }

    /// <summary>The iCalendar attachment, if any.</summary>
    public string? Calendar { get; init; }

    internal static AdminMailContent From(MailDelivery mail)
    {
        // A reset code in an administrator's hands would open the account: security mails show their envelope only.
        var content = mail.Kind == MailKinds.PasswordReset ? null : mail.Content;
        return new AdminMailContent
        {
            Mail = AdminMail.From(mail),
            Text = content?.Text,
            Html = content?.Html,
            Calendar = content?.Calendar,
        };
    }
}
