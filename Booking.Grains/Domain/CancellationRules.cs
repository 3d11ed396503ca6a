using Booking.Grains.Interfaces.Model;

namespace Booking.Grains.Domain;

/// <summary>Who may cancel a booking, and until when.</summary>
internal static class CancellationRules
{
    /// <summary>
    /// Null when <paramref name="request"/> may cancel <paramref name="booking"/> now. Someone else's booking is
    /// <c>not_found</c> (unless owner or admin); a cancelled one is <c>already_cancelled</c>; a hold that has run out is
    /// <c>hold_expired</c>; a completed or no-show booking cannot be cancelled; after the cut-off
    /// (start − <see cref="ResourceDefinition.CancellationCutoffMinutes"/>) the booker gets <c>cancellation_closed</c>
    /// but the owner or an admin may still cancel. A live hold is always released by its holder.
    /// </summary>
    public static BookingError? Check(BookingRecord booking, CancelRequest request, int cancellationCutoffMinutes, DateTimeOffset now)
    {
        if (booking.UserId != request.ByUserId && !request.ByOwnerOrAdmin)
        {
            return BookingError.Of(BookingErrorCodes.NotFound, $"No booking '{request.BookingId}'.");
        }

        switch (booking.Status)
        {
            case BookingStatus.Cancelled:
                return BookingError.Of(BookingErrorCodes.AlreadyCancelled, $"Booking '{booking.Id}' is already cancelled.");
            case BookingStatus.Completed or BookingStatus.NoShow:
                return BookingError.Of(BookingErrorCodes.InvalidStatusTransition, $"Booking '{booking.Id}' is {Describe(booking.Status)} and can no longer be cancelled.");
            case BookingStatus.Pending when !booking.IsActiveAt(now):
                return BookingError.Of(BookingErrorCodes.HoldExpired, $"Hold '{booking.Id}' has expired.");
            case BookingStatus.Pending:
                return null;
        }

        var deadline = booking.StartUtc - TimeSpan.FromMinutes(cancellationCutoffMinutes);
        if (!request.ByOwnerOrAdmin && now > deadline)
        {
            return BookingError.Of(BookingErrorCodes.CancellationClosed, $"Booking '{booking.Id}' could be cancelled until {deadline:yyyy-MM-dd HH:mm} UTC; ask the provider.");
        }

        return null;
    }

    /// <summary>The booking as cancelled by <paramref name="request"/> at <paramref name="now"/>.</summary>
    public static BookingRecord Apply(BookingRecord booking, CancelRequest request, DateTimeOffset now) => booking with
    {
        Status = BookingStatus.Cancelled,
        CancelledAt = now,
        CancelledBy = request.ByUserId,
        CancelReason = request.Reason,
        UpdatedAt = now,
    };

    internal static string Describe(BookingStatus status) => status switch
    {
        BookingStatus.NoShow => "marked no-show",
        _ => status.ToString().ToLowerInvariant(),
    };
}
