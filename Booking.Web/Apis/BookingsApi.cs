using System.ComponentModel.DataAnnotations;
using System.Security.Claims;
using Booking.Grains.Interfaces;
using Booking.Grains.Interfaces.Model;
using Booking.Grains.Queries;
using Booking.Silo.Messages;
using Booking.Web.Auth;
using Booking.Web.Contracts;
using Booking.Web.Errors;
using Booking.Web.Export;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Mvc;

namespace Booking.Web.Apis;

/// <summary><c>/api/v1/bookings</c>: book, read, cancel and change the status of bookings; thin over the resource-day grains.</summary>
internal static class BookingsApi
{
    public const int MaxIdempotencyKeyLength = 100;

    private static readonly Dictionary<string, BookingStatus> StatusNames = new(StringComparer.Ordinal)
    {
        ["pending"] = BookingStatus.Pending,
        ["confirmed"] = BookingStatus.Confirmed,
        ["cancelled"] = BookingStatus.Cancelled,
        ["completed"] = BookingStatus.Completed,
        ["no_show"] = BookingStatus.NoShow,
    };

    public static IEndpointRouteBuilder MapBookingsApi(this IEndpointRouteBuilder routes)
    {
        var bookings = routes.MapGroup("/api/v1/bookings")
            .WithTags("Bookings")
            .RequireAuthorization(AuthPolicies.Member)
            .ProducesProblem(StatusCodes.Status401Unauthorized);

        bookings.MapPost("", BookAsync)
            .WithSummary("Book a resource")
            .WithDescription("{resourceId, date, start, end} or {resourceId, date, period} or {resourceId, date, start, durationMinutes}, plus optional subject, notes, details, holdId. "
                + "Header Idempotency-Key: a repeat returns the first answer; the same key with another body is 422 idempotency_conflict. "
                + "409 slot_unavailable (with up to 3 nearest free alternatives) or user_conflict; 422 for rule violations (outside_availability, in_the_past, too_late_notice, "
                + "beyond_booking_window, invalid_duration, misaligned_slot, invalid_local_time); 400 validation_failed; 404 resource_not_found; 409 resource_inactive.")
            .ProducesProblem(StatusCodes.Status400BadRequest)
            .ProducesProblem(StatusCodes.Status404NotFound)
            .ProducesProblem(StatusCodes.Status409Conflict)
            .ProducesProblem(StatusCodes.Status422UnprocessableEntity);

        bookings.MapGet("", ListAsync)
            .WithSummary("List bookings, by start time")
            .WithDescription("Your own bookings; with resourceId, the bookings of a resource you own (admins: any resource; without resourceId admins see all). "
                + "Filters: status (pending, confirmed, cancelled, completed, no_show; comma-separated), from and to (local dates, both included). Paged: page from 1, pageSize 1 to 100 (default 20).")
            .ProducesProblem(StatusCodes.Status400BadRequest)
            .ProducesProblem(StatusCodes.Status403Forbidden);

        bookings.MapGet("/export.csv", ExportCsvAsync)
            .WithSummary("Export bookings as CSV, by start time")
            .WithDescription("The same rows and the same filters as GET /api/v1/bookings, unpaged and streamed: your own bookings; with resourceId, "
                + "the bookings of a resource you own (admins: any resource; without resourceId admins get all). text/csv (RFC 4180, UTF-8, CRLF, a header row, "
                + "served as the attachment bookings.csv) with the columns " + string.Join(", ", BookingCsv.Columns) + ". Local dates and times in the "
                + "resource's zone, instants in UTC (ISO 8601). Cells starting with =, +, -, @, a tab or a carriage return are prefixed with ' so that "
                + "spreadsheets do not run them as formulas. 403 forbidden for a resource you do not own; 400 validation_failed for an unknown status.")
            .Produces(StatusCodes.Status200OK, contentType: "text/csv")
            .ProducesProblem(StatusCodes.Status400BadRequest)
            .ProducesProblem(StatusCodes.Status403Forbidden);

        bookings.MapGet("/{id}.ics", GetCalendarAsync)
            .WithSummary("One booking as an iCalendar file")
            .WithDescription("text/calendar (RFC 5545, METHOD:PUBLISH): one VEVENT whose UID is the booking's and stays the same in every file and mail about it, "
                + "local times with the resource's TZID and VTIMEZONE, STATUS:CANCELLED once cancelled (SEQUENCE 1). Same visibility as GET /api/v1/bookings/{id}.")
            .Produces(StatusCodes.Status200OK, contentType: "text/calendar")
            .ProducesProblem(StatusCodes.Status404NotFound);

        bookings.MapGet("/{id}", GetAsync)
            .WithSummary("One booking")
            .WithDescription("For the booker, the resource's owner and admins; anyone else gets 404.")
            .ProducesProblem(StatusCodes.Status404NotFound);

        bookings.MapPost("/{id}/cancel", CancelAsync)
            .WithSummary("Cancel a booking")
            .WithDescription("Booker, owner or admin. 409 already_cancelled; 409 cancellation_closed after the resource's cut-off (owners and admins may still cancel).")
            .ProducesProblem(StatusCodes.Status404NotFound)
            .ProducesProblem(StatusCodes.Status409Conflict);

        bookings.MapPost("/{id}/check-in", CheckInAsync)
            .WithSummary("Check in (the booker, the owner or an admin)")
            .ProducesProblem(StatusCodes.Status404NotFound)
            .ProducesProblem(StatusCodes.Status409Conflict);

        bookings.MapPost("/{id}/no-show", NoShowAsync)
            .WithSummary("Mark a no-show (the owner or an admin)")
            .ProducesProblem(StatusCodes.Status403Forbidden)
            .ProducesProblem(StatusCodes.Status404NotFound)
            .ProducesProblem(StatusCodes.Status409Conflict);

        bookings.MapPost("/{id}/complete", CompleteAsync)
            .WithSummary("Mark as completed (the owner or an admin)")
            .ProducesProblem(StatusCodes.Status403Forbidden)
            .ProducesProblem(StatusCodes.Status404NotFound)
            .ProducesProblem(StatusCodes.Status409Conflict);

        return routes;
    }

    public static async Task<Results<Created<BookingRecord>, ProblemHttpResult>> BookAsync(
        BookingRequest request,
        ClaimsPrincipal user,
        IGrainFactory grains,
        [FromHeader(Name = "Idempotency-Key")] string? idempotencyKey,
        CancellationToken cancellationToken)
    {
        if (idempotencyKey is { Length: 0 or > MaxIdempotencyKeyLength })
        {
            return BookingProblems.Of(BookingErrorCodes.ValidationFailed, $"The Idempotency-Key header must be 1 to {MaxIdempotencyKeyLength} characters long.");
        }

        var outcome = await ResourceDay(grains, request).BookAsync(ToBookRequest(request, user.GetUserId(), idempotencyKey)).WaitAsync(cancellationToken);
        return outcome.IsSuccess
            ? TypedResults.Created($"/api/v1/bookings/{outcome.Booking.Id}", outcome.Booking)
            : BookingProblems.From(outcome.Error);
    }

    public static async Task<Results<Ok<BookingPage>, ProblemHttpResult>> ListAsync(
        ClaimsPrincipal user,
        IGrainFactory grains,
        [FromServices] IBookingQuery query,
        CancellationToken cancellationToken,
        string? resourceId = null,
        string? status = null,
        DateOnly? from = null,
        DateOnly? to = null,
        [Range(1, int.MaxValue, ErrorMessage = "page must be 1 or more.")] int page = 1,
        [Range(1, BookingPage.MaxPageSize, ErrorMessage = "pageSize must be between 1 and 100.")] int pageSize = 20)
    {
        var (filter, problem) = await VisibleFilterAsync(user, grains, resourceId, status, from, to, cancellationToken);
        return filter is not null ? TypedResults.Ok(await query.SearchBookingsAsync(filter, page, pageSize, cancellationToken)) : problem!;
    }

    public static async Task<Results<PushStreamHttpResult, ProblemHttpResult>> ExportCsvAsync(
        ClaimsPrincipal user,
        IGrainFactory grains,
        [FromServices] IBookingQuery query,
        CancellationToken cancellationToken,
        string? resourceId = null,
        string? status = null,
        DateOnly? from = null,
        DateOnly? to = null)
    {
        var (filter, problem) = await VisibleFilterAsync(user, grains, resourceId, status, from, to, cancellationToken);
        if (filter is null)
        {
            return problem!;
        }

        // Rows go out as the database returns them; nothing holds the whole export in memory.
        return TypedResults.Stream(
            body => BookingCsv.WriteAsync(query.StreamBookingsAsync(filter, cancellationToken), body, cancellationToken),
            BookingCsv.ContentType,
            "bookings.csv");
    }

    /// <summary>
    /// The rows a caller may list: with <paramref name="resourceId"/>, that resource's (its owner or an admin; anyone else gets
    /// 403); without, the caller's own, or everyone's for an admin. A problem instead for an unknown status.
    /// </summary>
    private static async Task<(BookingFilter? Filter, ProblemHttpResult? Problem)> VisibleFilterAsync(
        ClaimsPrincipal user, IGrainFactory grains, string? resourceId, string? status, DateOnly? from, DateOnly? to, CancellationToken cancellationToken)
    {
        if (!TryParseStatuses(status, out var statuses))
        {
            return (null, BookingProblems.Of(BookingErrorCodes.ValidationFailed, "status takes pending, confirmed, cancelled, completed or no_show, comma-separated."));
        }

        var filter = new BookingFilter { Statuses = statuses, From = from, To = to };
        if (resourceId is not null)
        {
            if (!user.IsAdmin())
            {
                var resource = await grains.GetGrain<IResourceGrain>(resourceId).GetAsync().WaitAsync(cancellationToken);
                if (resource?.OwnerId != user.GetUserId())
                {
                    return (null, BookingProblems.Of(BookingErrorCodes.Forbidden, "Only the resource's owner or an admin may list its bookings."));
                }
            }

            return (filter with { ResourceIds = [resourceId] }, null);
        }

        return (user.IsAdmin() ? filter : filter with { UserId = user.GetUserId() }, null);
    }

    public static async Task<Results<Ok<BookingRecord>, ProblemHttpResult>> GetAsync(
        string id, ClaimsPrincipal user, IGrainFactory grains, [FromServices] IBookingQuery query, CancellationToken cancellationToken)
    {
        var (booking, _, problem) = await FindVisibleAsync(id, user, grains, query, cancellationToken);
        return booking is not null ? TypedResults.Ok(booking) : problem!;
    }

    public static async Task<Results<FileContentHttpResult, ProblemHttpResult>> GetCalendarAsync(
        string id, ClaimsPrincipal user, IGrainFactory grains, [FromServices] IBookingQuery query, [FromServices] MailOptions mail, TimeProvider time, CancellationToken cancellationToken)
    {
        var (booking, _, problem) = await FindVisibleAsync(id, user, grains, query, cancellationToken);
        if (booking is null)
        {
            return problem!;
        }

        var resource = await grains.GetGrain<IResourceGrain>(booking.ResourceId).GetAsync().WaitAsync(cancellationToken);
        var entry = new CalendarEntry
        {
            Booking = booking,
            ResourceName = resource?.Name ?? booking.ResourceId,
            TimeZone = resource?.TimeZone ?? "UTC",
            Url = new Uri(new Uri(mail.PublicBaseUrl.TrimEnd('/') + "/"), $"api/v1/bookings/{Uri.EscapeDataString(booking.Id)}"),
        };
        var calendar = BookingCalendar.Feed(resource?.Name ?? booking.ResourceId, [entry], time.GetUtcNow());
        return TypedResults.File(System.Text.Encoding.UTF8.GetBytes(calendar), "text/calendar; charset=utf-8", $"booking-{booking.Id}.ics");
    }

    public static async Task<Results<Ok<BookingRecord>, ProblemHttpResult>> CancelAsync(
        string id,
        CancelBookingRequest? request,
        ClaimsPrincipal user,
        IGrainFactory grains,
        [FromServices] IBookingQuery query,
        CancellationToken cancellationToken)
    {
        var (booking, ownerOrAdmin, problem) = await FindVisibleAsync(id, user, grains, query, cancellationToken);
        if (booking is null)
        {
            return problem!;
        }

        var outcome = await grains.GetGrain<IResourceDayGrain>(GrainKeys.ResourceDay(booking.ResourceId, booking.Date)).CancelAsync(new CancelRequest
        {
            BookingId = booking.Id,
            ByUserId = user.GetUserId(),
            Reason = request?.Reason,
            ByOwnerOrAdmin = ownerOrAdmin,
        }).WaitAsync(cancellationToken);
        return outcome.IsSuccess ? TypedResults.Ok(outcome.Booking) : BookingProblems.From(outcome.Error);
    }

    public static Task<Results<Ok<BookingRecord>, ProblemHttpResult>> CheckInAsync(
        string id, ClaimsPrincipal user, IGrainFactory grains, [FromServices] IBookingQuery query, CancellationToken cancellationToken) =>
        ChangeStatusAsync(id, BookingStatusChange.CheckIn, user, grains, query, cancellationToken);

    public static Task<Results<Ok<BookingRecord>, ProblemHttpResult>> NoShowAsync(
        string id, ClaimsPrincipal user, IGrainFactory grains, [FromServices] IBookingQuery query, CancellationToken cancellationToken) =>
        ChangeStatusAsync(id, BookingStatusChange.NoShow, user, grains, query, cancellationToken);

    public static Task<Results<Ok<BookingRecord>, ProblemHttpResult>> CompleteAsync(
        string id, ClaimsPrincipal user, IGrainFactory grains, [FromServices] IBookingQuery query, CancellationToken cancellationToken) =>
        ChangeStatusAsync(id, BookingStatusChange.Complete, user, grains, query, cancellationToken);

    private static async Task<Results<Ok<BookingRecord>, ProblemHttpResult>> ChangeStatusAsync(
        string id, BookingStatusChange change, ClaimsPrincipal user, IGrainFactory grains, IBookingQuery query, CancellationToken cancellationToken)
    {
        var (booking, ownerOrAdmin, problem) = await FindVisibleAsync(id, user, grains, query, cancellationToken);
        if (booking is null)
        {
            return problem!;
        }

        var outcome = await grains.GetGrain<IResourceDayGrain>(GrainKeys.ResourceDay(booking.ResourceId, booking.Date)).SetStatusAsync(new StatusChangeRequest
        {
            BookingId = booking.Id,
            Change = change,
            ByUserId = user.GetUserId(),
            ByOwnerOrAdmin = ownerOrAdmin,
        }).WaitAsync(cancellationToken);
        return outcome.IsSuccess ? TypedResults.Ok(outcome.Booking) : BookingProblems.From(outcome.Error);
    }

    private static bool TryParseStatuses(string? text, out IReadOnlyList<BookingStatus>? statuses)
    {
        statuses = null;
        if (string.IsNullOrWhiteSpace(text))
        {
            return true;
        }

        var parsed = new List<BookingStatus>();
        foreach (var name in text.Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries))
        {
            if (!StatusNames.TryGetValue(name, out var value))
            {
                return false;
            }

            parsed.Add(value);
        }

        statuses = parsed;
        return true;
    }

    internal static IResourceDayGrain ResourceDay(IGrainFactory grains, BookingRequest request) =>
        grains.GetGrain<IResourceDayGrain>(GrainKeys.ResourceDay(request.ResourceId!, request.Date!.Value));

    internal static BookRequest ToBookRequest(BookingRequest request, string userId, string? idempotencyKey) => new()
    {
        UserId = userId,
        ResourceId = request.ResourceId!,
        Date = request.Date!.Value,
        Start = request.Start,
        End = request.End,
        Period = request.Period,
        DurationMinutes = request.DurationMinutes,
        Subject = request.Subject,
        Notes = request.Notes,
        Details = request.Details,
        IdempotencyKey = idempotencyKey,
        HoldId = request.HoldId,
    };

    /// <summary>
    /// The booking if the caller may see it (booker, resource owner, admin), and whether they act as owner or admin.
    /// Anyone else gets the same 404 as for a booking that does not exist.
    /// </summary>
    internal static async Task<(BookingRecord? Booking, bool OwnerOrAdmin, ProblemHttpResult? Problem)> FindVisibleAsync(
        string id, ClaimsPrincipal user, IGrainFactory grains, IBookingQuery query, CancellationToken cancellationToken)
    {
        var booking = await query.GetBookingAsync(id, cancellationToken);
        if (booking is not null)
        {
            var resource = await grains.GetGrain<IResourceGrain>(booking.ResourceId).GetAsync().WaitAsync(cancellationToken);
            var ownerOrAdmin = user.IsAdmin() || (resource?.OwnerId is { } owner && owner == user.GetUserId());
            if (ownerOrAdmin || booking.UserId == user.GetUserId())
            {
                // The query row may lag a moment behind the grain; the grain's copy is the truth.
                var current = await grains.GetGrain<IResourceDayGrain>(GrainKeys.ResourceDay(booking.ResourceId, booking.Date)).GetBookingAsync(id).WaitAsync(cancellationToken);
                return (current ?? booking, ownerOrAdmin, null);
            }
        }

        return (null, false, BookingProblems.Of(BookingErrorCodes.NotFound, $"No booking with id {id}."));
    }
}
