using System.Security.Cryptography;
using System.Text;
using Booking.Grains.Interfaces;
using Booking.Grains.Interfaces.Accounts;
using Booking.Grains.Interfaces.Errors;
using Booking.Grains.Interfaces.Model;
using Booking.Grains.Messages;

namespace Booking.Silo.Messages;

/// <summary>
/// Turns a delivery into the mail it stands for: finds the recipient (an account's address and language, or a Wortis
/// guest's address from the booking), fills the template, and attaches the booking's iCalendar file where one belongs.
/// </summary>
internal sealed class MailComposer(IGrainFactory grains, MailTemplates templates, MailOptions options, TimeProvider time)
{
    private const string GuestPrefix = "guest_";

    /// <summary>The mail, or null when there is nobody to write to (an anonymised account, a guest without an address).</summary>
    public async Task<RenderedMail?> ComposeAsync(ClaimedDelivery delivery)
    {
        ArgumentNullException.ThrowIfNull(delivery);
        var message = delivery.Event;
        var recipient = delivery.Kind == MailKinds.PasswordReset && message.Recipient is not null
            ? message.Recipient
            : await RecipientAsync(delivery.UserId, message.Booking);
        if (recipient is null)
        {
            return null;
        }

        var language = recipient.Language;
        Dictionary<string, string?> values = new(StringComparer.Ordinal) { ["name"] = recipient.Name };
        string? calendar = null;
        string? method = null;
        if (message.Booking is { } booking)
        {
            var resource = message.Resource ?? await ResourceAsync(booking.ResourceId);
            var zone = TimeZoneInfo.FindSystemTimeZoneById(resource.TimeZone);
            var bookingUrl = new Uri(BaseUrl, $"api/v1/bookings/{Uri.EscapeDataString(booking.Id)}");
            values["resource"] = resource.Name;
            values["date"] = LocalDates.Date(booking.Date, language);
            values["start"] = LocalDates.Time(booking.Start);
            values["end"] = LocalDates.Time(booking.End);
            values["time_zone"] = resource.TimeZone;
            values["utc_offset"] = LocalDates.Offset(zone.GetUtcOffset(booking.StartUtc));
            values["subject_line"] = booking.Subject;
            values["notes"] = booking.Notes;
            values["reason"] = booking.CancelReason;
            values["booking_url"] = bookingUrl.ToString();
            values["ics_url"] = new Uri(BaseUrl, $"api/v1/bookings/{Uri.EscapeDataString(booking.Id)}.ics").ToString();
            values["lead"] = LocalDates.Duration(booking.StartUtc - delivery.DueAt);
            if (delivery.Kind is MailKinds.BookingReceived or MailKinds.BookingCancelledOwner)
            {
                values["booker"] = (await RecipientAsync(booking.UserId, booking))?.Name ?? booking.UserId;
            }

            method = delivery.Kind switch
            {
                MailKinds.BookingConfirmed or MailKinds.BookingReceived => BookingCalendar.Request,
                MailKinds.BookingCancelled or MailKinds.BookingCancelledOwner => BookingCalendar.Cancel,
                _ => null,
            };
            if (method is not null)
            {
                calendar = BookingCalendar.ForBooking(
                    new CalendarEntry
                    {
                        Booking = booking,
                        ResourceName = resource.Name,
                        TimeZone = resource.TimeZone,
                        Url = bookingUrl,
                        Organizer = options.From,
                        Attendee = recipient.Email,
                        AttendeeName = recipient.Name,
                    },
                    method,
                    message.Sequence,
                    time.GetUtcNow());
            }
        }

        if (delivery.Kind == MailKinds.PasswordReset)
        {
            values["code"] = message.Data.GetValueOrDefault("code");
            values["expires"] = DateTimeOffset.TryParse(message.Data.GetValueOrDefault("expiresAt"), System.Globalization.CultureInfo.InvariantCulture, System.Globalization.DateTimeStyles.None, out var expiresAt)
                ? LocalDates.Instant(expiresAt, TimeZoneInfo.Utc, language)
                : null;
        }

        var (subject, text, html) = templates.Render(delivery.Kind, language, values);
        return new RenderedMail
        {
            MessageId = MessageId(delivery.Id),
            To = recipient.Email,
            ToName = recipient.Name,
            Language = language,
            Subject = subject,
            Text = text,
            Html = html,
            Calendar = calendar,
            CalendarMethod = calendar is null ? null : method,
        };
    }

    /// <summary>A Message-Id that depends on the delivery alone: every attempt of one mail carries the same one.</summary>
    public string MessageId(string deliveryId)
    {
        var hash = Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(deliveryId)))[..32];
        var at = options.From.LastIndexOf('@');
        var domain = at >= 0 && at < options.From.Length - 1 ? options.From[(at + 1)..] : "localhost";
        return $"{hash}@{domain}";
    }

    private Uri BaseUrl => new(options.PublicBaseUrl.EndsWith('/') ? options.PublicBaseUrl : options.PublicBaseUrl + "/");

    private async Task<MessageRecipient?> RecipientAsync(string userId, BookingRecord? booking)
    {
        if (userId.StartsWith(GuestPrefix, StringComparison.Ordinal))
        {
            // Wortis guests have no account: the address they booked with is in the booking.
            return booking?.Details.GetValueOrDefault("email") is { Length: > 0 } email
                ? new MessageRecipient { Email = email, Name = email, Language = MessageLanguages.French }
                : null;
        }

        if (!UserId.IsValid(userId))
        {
            return null;
        }

        try
        {
            var profile = await grains.GetGrain<IUserAccountGrain>(userId).GetProfileAsync();
            return new MessageRecipient { Email = profile.Email, Name = $"{profile.FirstName} {profile.LastName}".Trim(), Language = profile.Language };
        }
        catch (AccountNotFoundException)
        {
            return null;
        }
    }

    private async Task<MessageResource> ResourceAsync(string resourceId)
    {
        var definition = await grains.GetGrain<IResourceGrain>(resourceId).GetAsync();
        return new MessageResource
        {
            Id = resourceId,
            Name = definition?.Name ?? resourceId,
            Kind = definition?.Kind ?? ResourceKind.Service,
            TimeZone = definition?.TimeZone ?? "UTC",
            OwnerId = definition?.OwnerId,
        };
    }
}
