using Booking.Grains.Interfaces.Model;

namespace Booking.Grains.Domain;

/// <summary>
/// The acceptance function: whether a resource would take a booking request now, given the bookings it already has.
/// Availability listings and alternatives call it for every candidate, so they offer exactly what booking accepts.
/// </summary>
/// <remarks>
/// Checks, in order, each with its code: the resource is active (<c>resource_inactive</c>); a mentor is not booked by
/// its own owner (<c>self_booking</c>); the request's shape
/// (<see cref="RequestResolver"/>: <c>validation_failed</c>, <c>invalid_duration</c>, <c>misaligned_slot</c>); both
/// ends exist once in the resource's zone (<c>invalid_local_time</c>); not in the past (<c>in_the_past</c>); the
/// minimum notice (<c>too_late_notice</c>); the booking window counted in local dates (<c>beyond_booking_window</c>);
/// inside one availability window of the date (<c>outside_availability</c>); and capacity: the active bookings that
/// overlap any instant of the interval stay below capacity (<c>slot_unavailable</c>).
/// A named period may be booked while it runs (a parking place at 10:00 for the morning); it is in the past only
/// once it has ended, and the notice does not apply to a period already under way.
/// </remarks>
internal static class BookingRules
{
    public static BookingDecision Decide(
        ResourceDefinition resource,
        BookRequest request,
        IReadOnlyCollection<BookingRecord> bookings,
        DateTimeOffset now,
        string? ignoreBookingId = null)
    {
        if (!resource.Active)
        {
            return BookingDecision.Reject(BookingErrorCodes.ResourceInactive, $"Resource '{resource.Id}' no longer takes bookings.");
        }

        if (resource is { Kind: ResourceKind.Mentor, OwnerId: { Length: > 0 } owner } && owner == request.UserId)
        {
            return BookingDecision.Reject(BookingErrorCodes.SelfBooking, "A mentor cannot book a session with themselves.");
        }

        var zone = LocalTimeResolver.FindZone(resource.TimeZone);
        if (zone is null)
        {
            return BookingDecision.Reject(BookingErrorCodes.ValidationFailed, $"Resource '{resource.Id}' has an unknown time zone '{resource.TimeZone}'.");
        }

        var (local, shapeError) = RequestResolver.Resolve(resource, request);
        if (shapeError is not null)
        {
            return BookingDecision.Reject(shapeError);
        }

        return Decide(resource, zone, local, bookings, now, ignoreBookingId);
    }

    /// <summary>The rules after the request's shape has been resolved (exposed for callers that build intervals themselves).</summary>
    public static BookingDecision Decide(
        ResourceDefinition resource,
        TimeZoneInfo zone,
        LocalInterval local,
        IReadOnlyCollection<BookingRecord> bookings,
        DateTimeOffset now,
        string? ignoreBookingId = null)
    {
        var (startUtc, startError) = LocalTimeResolver.ToUtc(local.Date, local.StartMinute, zone);
        if (startError is not null)
        {
            return BookingDecision.Reject(startError);
        }

        var (endUtc, endError) = LocalTimeResolver.ToUtc(local.Date, local.EndMinute, zone);
        if (endError is not null)
        {
            return BookingDecision.Reject(endError);
        }

        var isPeriod = local.Period is not null;
        if (isPeriod ? endUtc <= now : startUtc < now)
        {
            return BookingDecision.Reject(BookingErrorCodes.InThePast, isPeriod
                ? $"The period '{local.Period}' of {local.Date:yyyy-MM-dd} has already ended."
                : $"{local.Date:yyyy-MM-dd} {LocalMinutes.Format(local.StartMinute)} ({zone.Id}) is in the past.");
        }

        if (startUtc >= now && startUtc - now < TimeSpan.FromMinutes(resource.MinNoticeMinutes))
        {
            return BookingDecision.Reject(BookingErrorCodes.TooLateNotice, $"Bookings here must be made at least {resource.MinNoticeMinutes} minutes ahead.");
        }

        if (resource.BookingWindowDays is { } windowDays)
        {
            var lastDate = LocalTimeResolver.TodayIn(zone, now).AddDays(windowDays);
            if (local.Date > lastDate)
            {
                return BookingDecision.Reject(BookingErrorCodes.BeyondBookingWindow, $"Bookings here open {windowDays} days ahead: {lastDate:yyyy-MM-dd} is the last bookable date.");
            }
        }

        if (!ScheduleCalendar.Contains(resource, local.Date, local.StartMinute, local.EndMinute))
        {
            return BookingDecision.Reject(BookingErrorCodes.OutsideAvailability, DescribeOutside(resource, local));
        }

        if (CapacitySweep.MaxConcurrent(bookings, startUtc, endUtc, now, ignoreBookingId) >= resource.Capacity)
        {
            return BookingDecision.Reject(BookingErrorCodes.SlotUnavailable, $"{local.Date:yyyy-MM-dd} {LocalMinutes.Format(local.StartMinute)}–{LocalMinutes.Format(local.EndMinute)} is already taken.");
        }

        return BookingDecision.Accept(new ResolvedInterval(local.Date, local.StartMinute, local.EndMinute, startUtc, endUtc, local.Period));
    }

    private static string DescribeOutside(ResourceDefinition resource, LocalInterval local)
    {
        var windows = ScheduleCalendar.WindowsOn(resource, local.Date);
        var open = windows.Count == 0
            ? "it is closed that day"
            : "open " + string.Join(", ", windows.Select(w => $"{LocalMinutes.Format(w.Start)}–{LocalMinutes.Format(w.End)}"));
        return $"{local.Date:yyyy-MM-dd} {LocalMinutes.Format(local.StartMinute)}–{LocalMinutes.Format(local.EndMinute)} is outside availability ({open}).";
    }
}
