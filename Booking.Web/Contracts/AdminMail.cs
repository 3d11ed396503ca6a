using Booking.Grains.Messages;

namespace Booking.Web.Contracts;

/// <summary>A mail in the administrators' outbox listing.</summary>
public sealed record AdminMail
{
    public required string Id { get; init; }

    /// <summary>The template: booking_confirmed, booking_received, booking_cancelled, booking_cancelled_owner, booking_reminder, password_reset.</summary>
    public required string Kind { get; init; }

    /// <summary>pending, sent, dead or skipped.</summary>
    public required string Status { get; init; }

    /// <summary>Attempts made to send it.</summary>
    public required int Attempts { get; init; }

    /// <summary>The recipient's user id.</summary>
    public string? UserId { get; init; }

    public string? BookingId { get; init; }

    /// <summary>The address, once the mail is rendered.</summary>
    public string? To { get; init; }

    public string? Subject { get; init; }

    /// <summary>The stable Message-Id every attempt carries (once rendered).</summary>
    public string? MessageId { get; init; }

    public required DateTimeOffset CreatedAt { get; init; }

    /// <summary>When it is next due to go out (pending), or was last due.</summary>
    public required DateTimeOffset DueAt { get; init; }

    public DateTimeOffset? SentAt { get; init; }

    /// <summary>Why the last attempt failed, or why it was skipped.</summary>
    public string? LastError { get; init; }

    internal static AdminMail From(MailDelivery mail) => new()
    {
        Id = mail.Id,
        Kind = mail.Kind,
        Status = mail.Status,
        Attempts = mail.Attempts,
        UserId = mail.UserId,
        BookingId = mail.BookingId,
        To = mail.Content?.To,
        Subject = mail.Content?.Subject,
        MessageId = mail.Content?.MessageId,
        CreatedAt = mail.CreatedAt,
        DueAt = mail.DueAt,
        SentAt = mail.SentAt,
        LastError = mail.LastError,
    };
}
