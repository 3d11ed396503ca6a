using System.Globalization;
using Booking.Grains.Interfaces;
using Booking.Grains.Messages;

namespace Booking.Silo.Messages;

/// <summary>Which mails an event calls for: who is told, with which template, and when (reminders are due before the start).</summary>
internal sealed class DeliveryPlanner(IGrainFactory grains, MessageDispatchOptions options)
{
    public async Task<IReadOnlyList<NewDelivery>> PlanAsync(MessageEvent message, DateTimeOffset now)
    {
        ArgumentNullException.ThrowIfNull(message);
        List<NewDelivery> deliveries = [];
        switch (message.Kind)
        {
            case MessageEventKinds.PasswordReset:
                deliveries.Add(Mail(message, MailKinds.PasswordReset, message.UserId, now));
                break;
            case MessageEventKinds.BookingCreated when message.Booking is { } booking:
                deliveries.Add(Mail(message, MailKinds.BookingConfirmed, booking.UserId, now));
                if (await OwnerAsync(message) is { } owner && owner != booking.UserId)
                {
                    deliveries.Add(Mail(message, MailKinds.BookingReceived, owner, now));
                }

                foreach (var offset in options.ReminderOffsets)
                {
                    var due = booking.StartUtc - offset;
                    if (due > now)
                    {
                        deliveries.Add(Mail(message, MailKinds.BookingReminder, booking.UserId, due) with
                        {
                            Id = $"{message.Id}.{MailKinds.BookingReminder}.{(long)offset.TotalMinutes}m.{booking.UserId}",
                        });
                    }
                }

                break;
            case MessageEventKinds.BookingCancelled when message.Booking is { } booking:
                deliveries.Add(Mail(message, MailKinds.BookingCancelled, booking.UserId, now));
                if (await OwnerAsync(message) is { } cancelledOwner && cancelledOwner != booking.UserId)
                {
                    deliveries.Add(Mail(message, MailKinds.BookingCancelledOwner, cancelledOwner, now));
                }

                break;
        }

        return deliveries;
    }

    private async Task<string?> OwnerAsync(MessageEvent message) => message.Resource is { } resource
        ? resource.OwnerId
        : (await grains.GetGrain<IResourceGrain>(message.Booking!.ResourceId).GetAsync())?.OwnerId;

    private static NewDelivery Mail(MessageEvent message, string kind, string userId, DateTimeOffset due) => new()
    {
        Id = string.Create(CultureInfo.InvariantCulture, $"{message.Id}.{kind}.{userId}"),
        Kind = kind,
        UserId = userId,
        BookingId = message.Booking?.Id,
        CreatedAt = message.OccurredAt,
        DueAt = due,
        Event = message,
    };
}
