using Booking.Grains.Interfaces.Model;

namespace Booking.Grains.Domain;

/// <summary>Check-in, completion and no-show of a confirmed booking.</summary>
internal static class StatusRules
{
    /// <summary>
    /// The booking after the change, or why it does not apply. Only a confirmed booking changes. Check-in: by the
    /// booker or the owner, before the end (a repeat check-in changes nothing). Complete and no-show: by the owner or an
    /// admin only (<c>forbidden</c> for the booker), once the booking has started.
    /// </summary>
    public static (BookingRecord? Booking, BookingError? Error) Apply(BookingRecord booking, StatusChangeRequest request, DateTimeOffset now)
    {
        if (booking.UserId != request.ByUserId && !request.ByOwnerOrAdmin)
        {
            return Fail(BookingErrorCodes.NotFound, $"No booking '{request.BookingId}'.");
        }

        if (booking.Status == BookingStatus.Cancelled)
        {
            return Fail(BookingErrorCodes.AlreadyCancelled, $"Booking '{booking.Id}' is cancelled.");
        }

        if (booking.Status != BookingStatus.Confirmed)
        {
            return Fail(BookingErrorCodes.InvalidStatusTransition, $"Booking '{booking.Id}' is {CancellationRules.Describe(booking.Status)}; only a confirmed booking can change.");
        }

        switch (request.Change)
        {
            case BookingStatusChange.CheckIn:
                if (now >= booking.EndUtc)
                {
                    return Fail(BookingErrorCodes.InvalidStatusTransition, $"Booking '{booking.Id}' has ended; it can no longer be checked in.");
                }

                return booking.CheckedInAt is not null ? (booking, null) : (booking with { CheckedInAt = now, UpdatedAt = now }, null);

            case BookingStatusChange.Complete or BookingStatusChange.NoShow:
                if (!request.ByOwnerOrAdmin)
                {
                    return Fail(BookingErrorCodes.Forbidden, "Only the resource's owner or an admin may mark a booking completed or no-show.");
                }

                if (now < booking.StartUtc)
                {
                    return Fail(BookingErrorCodes.InvalidStatusTransition, $"Booking '{booking.Id}' has not started yet.");
                }

                var status = request.Change == BookingStatusChange.Complete ? BookingStatus.Completed : BookingStatus.NoShow;
                return (booking with { Status = status, UpdatedAt = now }, null);

            default:
                return Fail(BookingErrorCodes.ValidationFailed, $"Unknown status change '{request.Change}'.");
        }
    }

    private static (BookingRecord?, BookingError?) Fail(string code, string message) => (null, BookingError.Of(code, message));
}
