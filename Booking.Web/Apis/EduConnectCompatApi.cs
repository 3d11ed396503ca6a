using System.Security.Claims;
using Booking.Grains.Interfaces;
using Booking.Grains.Interfaces.Model;
using Booking.Grains.Queries;
using Booking.Web.Auth;
using Booking.Web.Compat;
using Booking.Web.Contracts.EduConnect;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Mvc;

namespace Booking.Web.Apis;

/// <summary>
/// EduConnect's mentoring routes (<c>seeds/educonnect-mentor-sessions.md</c>): a thin adapter over the engine. A mentor is
/// a provider who owns a <c>mentor</c> resource (<c>{id}</c> in the routes is that resource's id); weekly availabilities
/// are the resource's weekly schedule; a session is a booking of it.
/// </summary>
internal static class EduConnectCompatApi
{
    private const int SlotDays = 7;
    private const int SlotMinutes = 30;

    public static IEndpointRouteBuilder MapEduConnectCompatApi(this IEndpointRouteBuilder routes)
    {
        var mentors = routes.MapGroup("/api/mentors")
            .WithTags("Compat: EduConnect")
            .WithMetadata(SeedErrorEnvelope.Flask);

        mentors.MapGet("/{id}", GetMentorAsync)
            .AllowAnonymous()
            .WithSummary("A mentor with its total_sessions (EduConnect)")
            .WithDescription("{id, user_id, name, total_sessions}. total_sessions counts every session ever booked with the mentor, as the seed increments it on each booking "
                + "and never decrements it (a cancelled session still counts). 404 for an unknown mentor.")
            .ProducesProblem(StatusCodes.Status404NotFound);

        mentors.MapGet("/{id}/availabilities", GetAvailabilitiesAsync)
            .AllowAnonymous()
            .WithSummary("A mentor's weekly availabilities (EduConnect)")
            .WithDescription("{mentor_id, availabilities:[{id, mentor_id, day_of_week (0 = Monday … 6 = Sunday), start_time, end_time, is_active, created_at}]}. "
                + "The availabilities are the mentor resource's weekly windows; id is a position in that set and created_at when the set was stored. 404 for an unknown mentor.")
            .ProducesProblem(StatusCodes.Status404NotFound);

        mentors.MapPost("/availabilities", SetAvailabilitiesAsync)
            .RequireAuthorization(AuthPolicies.Member)
            .WithSummary("Replace the calling mentor's weekly availabilities (EduConnect)")
            .WithDescription("{availabilities:[{day_of_week, start_time, end_time, is_active}]} replaces the whole weekly set of the mentor resource the caller owns "
                + "(dated exceptions are kept). An availability with is_active false is not kept (the engine has no inactive windows), so it is absent afterwards. "
                + "403 when the caller owns no mentor resource; 400 for a bad field, an end not after its start or overlapping windows.")
            .ProducesProblem(StatusCodes.Status400BadRequest)
            .ProducesProblem(StatusCodes.Status401Unauthorized)
            .ProducesProblem(StatusCodes.Status403Forbidden);

        mentors.MapGet("/{id}/available-slots", GetAvailableSlotsAsync)
            .AllowAnonymous()
            .WithSummary("Free 30-minute slots over the next 7 days (EduConnect)")
            .WithDescription("{slots:[{datetime, date, time, day_name, available}]}: every start from today (the mentor's time zone) for 7 days, inside the active availabilities, "
                + "in the future and not overlapping a session; exactly what booking would accept now. datetime is the mentor's local time; day_name is French. "
                + "Optional duration_minutes (30, 60, 90 or 120, default 30) lists the starts where a session that long fits. 404 for an unknown mentor.")
            .ProducesProblem(StatusCodes.Status400BadRequest)
            .ProducesProblem(StatusCodes.Status404NotFound);

        mentors.MapPost("/{id}/book", BookAsync)
            .RequireAuthorization(AuthPolicies.Member)
            .WithSummary("Book a session with a mentor (EduConnect)")
            .WithDescription("{session_date, duration_minutes (30, 60, 90 or 120; default 60), subject, description} → 201 {message, session}. session_date is a slot's datetime "
                + "(the mentor's local time) or an ISO instant with an offset. 400 for a missing subject, a bad date or duration, a time in the past or outside the availabilities, "
                + "or a mentor booking themselves (self_booking); 409 when the slot is taken (slot_unavailable) or the student already has a session then (user_conflict); 404 for an unknown mentor.")
            .ProducesProblem(StatusCodes.Status400BadRequest)
            .ProducesProblem(StatusCodes.Status401Unauthorized)
            .ProducesProblem(StatusCodes.Status404NotFound)
            .ProducesProblem(StatusCodes.Status409Conflict);

        var sessions = routes.MapGroup("/api/mentorship/sessions")
            .WithTags("Compat: EduConnect")
            .WithMetadata(SeedErrorEnvelope.Flask)
            .RequireAuthorization(AuthPolicies.Member)
            .ProducesProblem(StatusCodes.Status401Unauthorized);

        sessions.MapGet("", ListSessionsAsync)
            .WithSummary("The caller's sessions, as student and as mentor (EduConnect)")
            .WithDescription("{sessions:[...]} in session order. role=student lists the sessions the caller booked, role=mentor those of the mentor resource the caller owns; "
                + "without role, both. status (scheduled, completed, cancelled, no_show) filters. 400 for another role or status.")
            .ProducesProblem(StatusCodes.Status400BadRequest);

        sessions.MapGet("/{id}", GetSessionAsync)
            .WithSummary("One session, for its student or its mentor (EduConnect)")
            .WithDescription("{session}. Anyone else gets 404, as for a session that does not exist.")
            .ProducesProblem(StatusCodes.Status404NotFound);

        sessions.MapPost("/{id}/cancel", CancelSessionAsync)
            .WithSummary("Cancel a session, as its student or its mentor (EduConnect)")
            .WithDescription("200 {message, session} with status cancelled; the slot is free again. 409 already_cancelled; 409 cancellation_closed for a student after the mentor's cut-off "
                + "(the mentor may still cancel); 404 for anyone but the two parties.")
            .ProducesProblem(StatusCodes.Status404NotFound)
            .ProducesProblem(StatusCodes.Status409Conflict);

        return routes;
    }

    public static async Task<Results<Ok<EduConnectMentor>, ProblemHttpResult>> GetMentorAsync(
        string id, IGrainFactory grains, [FromServices] IBookingQuery query, CancellationToken cancellationToken)
    {
        if (await CompatLookups.ResourceAsync(grains, id, ResourceKind.Mentor, cancellationToken) is not { } mentor)
        {
            return MentorNotFound(id);
        }

        var stats = await query.GetResourceStatsAsync([mentor.Id], DateOnly.MinValue, DateOnly.MaxValue, cancellationToken);
        return TypedResults.Ok(new EduConnectMentor(mentor.Id, mentor.OwnerId, mentor.Name, stats[0].Bookings));
    }

    public static async Task<Results<Ok<EduConnectAvailabilitiesResponse>, ProblemHttpResult>> GetAvailabilitiesAsync(
        string id, IGrainFactory grains, CancellationToken cancellationToken) =>
        await CompatLookups.ResourceAsync(grains, id, ResourceKind.Mentor, cancellationToken) is { } mentor
            ? TypedResults.Ok(new EduConnectAvailabilitiesResponse(mentor.Id, Availabilities(mentor)))
            : MentorNotFound(id);

    public static async Task<Results<Ok<EduConnectAvailabilitiesResponse>, ProblemHttpResult>> SetAvailabilitiesAsync(
        EduConnectSetAvailabilitiesRequest request, ClaimsPrincipal user, IGrainFactory grains, CancellationToken cancellationToken)
    {
        if (await CompatLookups.MentorOwnedByAsync(grains, user.GetUserId(), cancellationToken) is not { } mentor)
        {
            return CompatProblems.Of(BookingErrorCodes.Forbidden, "Only a mentor can set availabilities: you own no mentor resource.");
        }

        List<WeeklyWindow> weekly =
        [
            .. request.Availabilities!
                .Where(a => a.IsActive ?? true)
                .Select(a => WeeklyWindow.Of(EduConnectFormats.ToDayOfWeek(a.DayOfWeek!.Value), EduConnectFormats.ParseTime(a.StartTime!), EduConnectFormats.ParseTime(a.EndTime!))),
        ];
        var outcome = await grains.GetGrain<IResourceGrain>(mentor.Id)
            .SetScheduleAsync(new ResourceSchedule { Weekly = weekly, Exceptions = mentor.Exceptions })
            .WaitAsync(cancellationToken);
        return outcome.IsSuccess
            ? TypedResults.Ok(new EduConnectAvailabilitiesResponse(mentor.Id, Availabilities(outcome.Resource), "Disponibilités mises à jour"))
            : CompatProblems.From(outcome.Error);
    }

    public static async Task<Results<Ok<EduConnectSlotsResponse>, ProblemHttpResult>> GetAvailableSlotsAsync(
        string id, IGrainFactory grains, TimeProvider time, CancellationToken cancellationToken, [FromQuery(Name = "duration_minutes")] int? durationMinutes = null)
    {
        if (durationMinutes is not (null or 30 or 60 or 90 or 120))
        {
            return CompatProblems.Of(BookingErrorCodes.ValidationFailed, "duration_minutes must be 30, 60, 90 or 120.");
        }

        if (await CompatLookups.ResourceAsync(grains, id, ResourceKind.Mentor, cancellationToken) is not { } mentor)
        {
            return MentorNotFound(id);
        }

        var today = CompatLookups.TodayIn(mentor.TimeZone, time);
        var free = await grains.GetFreeSlotsAsync(mentor.Id, today, today.AddDays(SlotDays - 1), durationMinutes ?? SlotMinutes).WaitAsync(cancellationToken);
        return TypedResults.Ok(new EduConnectSlotsResponse(
        [
            .. free.Select(s => new EduConnectSlot(
                EduConnectFormats.LocalDateTime(s.Date, s.Start),
                EduConnectFormats.Date(s.Date),
                EduConnectFormats.Time(s.Start),
                EduConnectFormats.DayName(s.Date.DayOfWeek),
                Available: true)),
        ]));
    }

    public static async Task<Results<Created<EduConnectSessionResponse>, ProblemHttpResult>> BookAsync(
        string id, EduConnectBookRequest request, ClaimsPrincipal user, IGrainFactory grains, CancellationToken cancellationToken)
    {
        if (await CompatLookups.ResourceAsync(grains, id, ResourceKind.Mentor, cancellationToken) is not { } mentor)
        {
            return MentorNotFound(id);
        }

        if (!EduConnectFormats.TryParseSessionDate(request.SessionDate, CompatLookups.Zone(mentor.TimeZone), out var date, out var start))
        {
            return CompatProblems.Of(BookingErrorCodes.ValidationFailed, $"session_date '{request.SessionDate}' is not a date-time such as 2024-01-15T09:00:00.");
        }

        var outcome = await grains.GetGrain<IResourceDayGrain>(GrainKeys.ResourceDay(mentor.Id, date)).BookAsync(new BookRequest
        {
            UserId = user.GetUserId(),
            ResourceId = mentor.Id,
            Date = date,
            Start = start,
            DurationMinutes = request.DurationMinutes ?? 60,
            Subject = request.Subject!.Trim(),
            Notes = request.Description,
        }).WaitAsync(cancellationToken);
        if (!outcome.IsSuccess)
        {
            return CompatProblems.From(outcome.Error);
        }

        var session = EduConnectSession.From(outcome.Booking);
        return TypedResults.Created($"/api/mentorship/sessions/{session.Id}", new EduConnectSessionResponse("Session réservée avec succès", session));
    }

    public static async Task<Results<Ok<EduConnectSessionsResponse>, ProblemHttpResult>> ListSessionsAsync(
        ClaimsPrincipal user,
        IGrainFactory grains,
        [FromServices] IBookingQuery query,
        CancellationToken cancellationToken,
        [FromQuery] string? role = null,
        [FromQuery] string? status = null)
    {
        if (role is not (null or "student" or "mentor"))
        {
            return CompatProblems.Of(BookingErrorCodes.ValidationFailed, "role must be student or mentor.");
        }

        IReadOnlyList<BookingStatus>? statuses = status switch
        {
            null => null,
            "scheduled" => [BookingStatus.Confirmed],
            "completed" => [BookingStatus.Completed],
            "cancelled" => [BookingStatus.Cancelled],
            "no_show" => [BookingStatus.NoShow],
            _ => [],
        };
        if (statuses is { Count: 0 })
        {
            return CompatProblems.Of(BookingErrorCodes.ValidationFailed, "status must be scheduled, completed, cancelled or no_show.");
        }

        var caller = user.GetUserId();
        var found = new Dictionary<string, BookingRecord>(StringComparer.Ordinal);
        if (role is null or "student")
        {
            await CollectAsync(query, new BookingFilter { UserId = caller, Statuses = statuses }, found, cancellationToken);
        }

        if (role is null or "mentor" && await CompatLookups.MentorOwnedByAsync(grains, caller, cancellationToken) is { } mentor)
        {
            await CollectAsync(query, new BookingFilter { ResourceIds = [mentor.Id], Statuses = statuses }, found, cancellationToken);
        }

        return TypedResults.Ok(new EduConnectSessionsResponse(
            [.. found.Values.OrderBy(b => b.StartUtc).ThenBy(b => b.Id, StringComparer.Ordinal).Select(EduConnectSession.From)]));
    }

    public static async Task<Results<Ok<EduConnectSessionResponse>, ProblemHttpResult>> GetSessionAsync(
        string id, ClaimsPrincipal user, IGrainFactory grains, [FromServices] IBookingQuery query, CancellationToken cancellationToken)
    {
        var (session, _) = await FindPartyAsync(id, user, grains, query, cancellationToken);
        return session is not null ? TypedResults.Ok(new EduConnectSessionResponse(null, EduConnectSession.From(session))) : SessionNotFound(id);
    }

    public static async Task<Results<Ok<EduConnectSessionResponse>, ProblemHttpResult>> CancelSessionAsync(
        string id, ClaimsPrincipal user, IGrainFactory grains, [FromServices] IBookingQuery query, CancellationToken cancellationToken)
    {
        var (session, isMentor) = await FindPartyAsync(id, user, grains, query, cancellationToken);
        if (session is null)
        {
            return SessionNotFound(id);
        }

        var outcome = await CompatLookups.Day(grains, session).CancelAsync(new CancelRequest
        {
            BookingId = session.Id,
            ByUserId = user.GetUserId(),
            ByOwnerOrAdmin = isMentor,
            Reason = isMentor ? "cancelled by the mentor" : "cancelled by the student",
        }).WaitAsync(cancellationToken);
        return outcome.IsSuccess
            ? TypedResults.Ok(new EduConnectSessionResponse("Session annulée", EduConnectSession.From(outcome.Booking)))
            : CompatProblems.From(outcome.Error);
    }

    /// <summary>The session if the caller is its student or its mentor (and whether they are the mentor), else null.</summary>
    private static async Task<(BookingRecord? Session, bool IsMentor)> FindPartyAsync(
        string id, ClaimsPrincipal user, IGrainFactory grains, IBookingQuery query, CancellationToken cancellationToken)
    {
        if (await CompatLookups.BookingAsync(query, grains, id, cancellationToken) is not { ResourceKind: ResourceKind.Mentor } booking)
        {
            return (null, false);
        }

        var caller = user.GetUserId();
        var mentor = await grains.GetGrain<IResourceGrain>(booking.ResourceId).GetAsync().WaitAsync(cancellationToken);
        var isMentor = mentor?.OwnerId == caller;
        return isMentor || booking.UserId == caller ? (booking, isMentor) : (null, false);
    }

    // Mentoring sessions only: a student's parking places or salon appointments are not sessions; holds are not sessions yet.
    private static async Task CollectAsync(IBookingQuery query, BookingFilter filter, Dictionary<string, BookingRecord> into, CancellationToken cancellationToken)
    {
        await foreach (var booking in query.StreamBookingsAsync(filter, cancellationToken))
        {
            if (booking is { ResourceKind: ResourceKind.Mentor } and not { Status: BookingStatus.Pending })
            {
                into[booking.Id] = booking;
            }
        }
    }

    private static List<EduConnectAvailability> Availabilities(ResourceDefinition mentor) =>
    [
        .. mentor.Weekly
            .OrderBy(w => EduConnectFormats.FromDayOfWeek(w.Day))
            .ThenBy(w => w.Start)
            .Select((w, i) => new EduConnectAvailability(
                i + 1,
                mentor.Id,
                EduConnectFormats.FromDayOfWeek(w.Day),
                EduConnectFormats.Time(w.Start),
                EduConnectFormats.Time(w.End),
                IsActive: true,
                EduConnectFormats.Instant(mentor.UpdatedAt))),
    ];

    private static ProblemHttpResult MentorNotFound(string id) => CompatProblems.Of(BookingErrorCodes.ResourceNotFound, $"No mentor with id {id}.");

    private static ProblemHttpResult SessionNotFound(string id) => CompatProblems.Of(BookingErrorCodes.NotFound, $"No session with id {id}.");
}
