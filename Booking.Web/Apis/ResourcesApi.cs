using System.ComponentModel.DataAnnotations;
using System.Security.Claims;
using Booking.Grains.Domain;
using Booking.Grains.Interfaces;
using Booking.Grains.Interfaces.Model;
using Booking.Grains.Queries;
using Booking.Web.Auth;
using Booking.Web.Contracts;
using Booking.Web.Errors;
using Microsoft.AspNetCore.Http.HttpResults;

namespace Booking.Web.Apis;

/// <summary><c>/api/v1/resources</c>: resources, their schedules, free slots and day occupancy; thin over the resource and resource-day grains.</summary>
internal static class ResourcesApi
{
    public static IEndpointRouteBuilder MapResourcesApi(this IEndpointRouteBuilder routes)
    {
        var resources = routes.MapGroup("/api/v1/resources").WithTags("Resources");

        resources.MapPost("", CreateAsync)
            .RequireAuthorization(AuthPolicies.Provider)
            .WithSummary("Create a resource")
            .WithDescription("Providers and admins. A provider owns what they create; an admin may name the owner. 400 validation_failed for an invalid definition.")
            .ProducesProblem(StatusCodes.Status400BadRequest)
            .ProducesProblem(StatusCodes.Status401Unauthorized)
            .ProducesProblem(StatusCodes.Status403Forbidden);

        resources.MapGet("", ListAsync)
            .AllowAnonymous()
            .WithSummary("List resources")
            .WithDescription("Filters: kind (mentor | parking_slot | service), parentId, ownerId, category (case-insensitive), q (name contains, case-insensitive), includeInactive (default false: deactivated resources are hidden). Paged with page (≥ 1) and pageSize (1–100, default 20); ordered by name, then id.")
            .ProducesProblem(StatusCodes.Status400BadRequest);

        resources.MapGet("/{id}", GetAsync)
            .AllowAnonymous()
            .WithSummary("One resource")
            .ProducesProblem(StatusCodes.Status404NotFound);

        resources.MapPut("/{id}", UpdateAsync)
            .RequireAuthorization(AuthPolicies.Provider)
            .WithSummary("Replace a resource's definition")
            .WithDescription("Owner or admin. Every field is replaced; weekly and exceptions, when absent, keep the current schedule. Existing bookings stay as they are.")
            .ProducesProblem(StatusCodes.Status400BadRequest)
            .ProducesProblem(StatusCodes.Status403Forbidden)
            .ProducesProblem(StatusCodes.Status404NotFound);

        resources.MapDelete("/{id}", DeactivateAsync)
            .RequireAuthorization(AuthPolicies.Provider)
            .WithSummary("Deactivate a resource")
            .WithDescription("Owner or admin. It takes no new bookings; existing bookings stay.")
            .ProducesProblem(StatusCodes.Status403Forbidden)
            .ProducesProblem(StatusCodes.Status404NotFound);

        resources.MapPut("/{id}/schedule", SetScheduleAsync)
            .RequireAuthorization(AuthPolicies.Provider)
            .WithSummary("Replace the weekly windows and dated exceptions")
            .WithDescription("Owner or admin. {weekly:[{day:\"monday\", start:\"09:00\", end:\"12:00\"}], exceptions:[{date, closed:true} or {date, windows:[...]}]}; overlapping windows are 400 validation_failed.")
            .ProducesProblem(StatusCodes.Status400BadRequest)
            .ProducesProblem(StatusCodes.Status403Forbidden)
            .ProducesProblem(StatusCodes.Status404NotFound);

        resources.MapGet("/{id}/availability", GetAvailabilityAsync)
            .AllowAnonymous()
            .WithSummary("Free slots between two dates")
            .WithDescription("from and to are local dates (both included, at most 31 days); durationMinutes picks the slot length (default: the named periods, else the shortest allowed duration). Only slots a booking would accept now.")
            .ProducesProblem(StatusCodes.Status400BadRequest)
            .ProducesProblem(StatusCodes.Status404NotFound);

        resources.MapGet("/{id}/days/{date}", GetDayAsync)
            .AllowAnonymous()
            .WithSummary("Occupancy of one date: the ranges taken and the capacity left in each")
            .ProducesProblem(StatusCodes.Status404NotFound);

        return routes;
    }

    public static async Task<Results<Ok<ResourcePage>, ProblemHttpResult>> ListAsync(
        IGrainFactory grains,
        CancellationToken cancellationToken,
        string? kind = null,
        string? parentId = null,
        string? category = null,
        string? q = null,
        bool includeInactive = false,
        string? ownerId = null,
        int page = 1,
        int pageSize = 20)
    {
        if (page < 1 || pageSize is < 1 or > 100)
        {
            return BookingProblems.Of(BookingErrorCodes.ValidationFailed, "page must be ≥ 1 and pageSize between 1 and 100.");
        }

        ResourceKind? parsedKind = null;
        if (kind is not null)
        {
            parsedKind = kind switch
            {
                "mentor" => ResourceKind.Mentor,
                "parking_slot" => ResourceKind.ParkingSlot,
                "service" => ResourceKind.Service,
                _ => null,
            };
            if (parsedKind is null)
            {
                return BookingProblems.Of(BookingErrorCodes.ValidationFailed, $"kind must be mentor, parking_slot or service, not '{kind}'.");
            }
        }

        var filter = new ResourceListFilter { Kind = parsedKind, ParentId = parentId, OwnerId = ownerId, Category = category, Query = q, IncludeInactive = includeInactive };
        var directory = grains.GetGrain<IResourceDirectoryGrain>(IResourceDirectoryGrain.Key);
        return TypedResults.Ok(await directory.ListAsync(filter, page, pageSize).WaitAsync(cancellationToken));
    }

    public static async Task<Results<Created<ResourceDefinition>, ProblemHttpResult>> CreateAsync(
        ResourceRequest request, ClaimsPrincipal user, IGrainFactory grains, CancellationToken cancellationToken)
    {
        var id = Guid.NewGuid().ToString("N");
        var owner = user.IsAdmin() ? request.OwnerId : user.GetUserId();
        var outcome = await grains.GetGrain<IResourceGrain>(id).CreateAsync(ToDefinition(id, request, owner, current: null)).WaitAsync(cancellationToken);
        return outcome.IsSuccess
            ? TypedResults.Created($"/api/v1/resources/{id}", outcome.Resource)
            : BookingProblems.From(outcome.Error);
    }

    public static async Task<Results<Ok<ResourceDefinition>, ProblemHttpResult>> GetAsync(string id, IGrainFactory grains, CancellationToken cancellationToken) =>
        await grains.GetGrain<IResourceGrain>(id).GetAsync().WaitAsync(cancellationToken) is { } resource
            ? TypedResults.Ok(resource)
            : NotFound(id);

    public static async Task<Results<Ok<ResourceDefinition>, ProblemHttpResult>> UpdateAsync(
        string id, ResourceRequest request, ClaimsPrincipal user, IGrainFactory grains, CancellationToken cancellationToken)
    {
        var grain = grains.GetGrain<IResourceGrain>(id);
        var current = await grain.GetAsync().WaitAsync(cancellationToken);
        if (Refuse(current, id, user) is { } refusal)
        {
            return refusal;
        }

        var owner = user.IsAdmin() ? request.OwnerId ?? current!.OwnerId : current!.OwnerId;
        var outcome = await grain.UpdateAsync(ToDefinition(id, request, owner, current)).WaitAsync(cancellationToken);
        return outcome.IsSuccess ? TypedResults.Ok(outcome.Resource) : BookingProblems.From(outcome.Error);
    }

    public static async Task<Results<Ok<ResourceDefinition>, ProblemHttpResult>> DeactivateAsync(
        string id, ClaimsPrincipal user, IGrainFactory grains, CancellationToken cancellationToken)
    {
        var grain = grains.GetGrain<IResourceGrain>(id);
        if (Refuse(await grain.GetAsync().WaitAsync(cancellationToken), id, user) is { } refusal)
        {
            return refusal;
        }

        var outcome = await grain.DeactivateAsync().WaitAsync(cancellationToken);
        return outcome.IsSuccess ? TypedResults.Ok(outcome.Resource) : BookingProblems.From(outcome.Error);
    }

    public static async Task<Results<Ok<ResourceDefinition>, ProblemHttpResult>> SetScheduleAsync(
        string id, ResourceSchedule schedule, ClaimsPrincipal user, IGrainFactory grains, CancellationToken cancellationToken)
    {
        var grain = grains.GetGrain<IResourceGrain>(id);
        if (Refuse(await grain.GetAsync().WaitAsync(cancellationToken), id, user) is { } refusal)
        {
            return refusal;
        }

        var outcome = await grain.SetScheduleAsync(schedule).WaitAsync(cancellationToken);
        return outcome.IsSuccess ? TypedResults.Ok(outcome.Resource) : BookingProblems.From(outcome.Error);
    }

    public static async Task<Results<Ok<IReadOnlyList<FreeSlot>>, ProblemHttpResult>> GetAvailabilityAsync(
        string id,
        DateOnly? from,
        DateOnly? to,
        [Range(1, 1440, ErrorMessage = "durationMinutes must be between 1 and 1440.")] int? durationMinutes,
        IGrainFactory grains,
        CancellationToken cancellationToken)
    {
        // Query parameters: checked here, because validation attributes on an absent nullable parameter are not applied.
        if (from is null || to is null)
        {
            return BookingProblems.Of(BookingErrorCodes.ValidationFailed, "from and to (YYYY-MM-DD) are required.");
        }

        var days = to.Value.DayNumber - from.Value.DayNumber + 1;
        if (days is < 1 or > BookingDefaults.MaxAvailabilityDays)
        {
            return BookingProblems.Of(BookingErrorCodes.ValidationFailed, $"from must not be after to, and the range covers at most {BookingDefaults.MaxAvailabilityDays} days.");
        }

        if (await grains.GetGrain<IResourceGrain>(id).GetAsync().WaitAsync(cancellationToken) is null)
        {
            return NotFound(id);
        }

        return TypedResults.Ok(await grains.GetFreeSlotsAsync(id, from.Value, to.Value, durationMinutes).WaitAsync(cancellationToken));
    }

    public static async Task<Results<Ok<DayOccupancy>, ProblemHttpResult>> GetDayAsync(
        string id, DateOnly date, IGrainFactory grains, CancellationToken cancellationToken)
    {
        if (await grains.GetGrain<IResourceGrain>(id).GetAsync().WaitAsync(cancellationToken) is null)
        {
            return NotFound(id);
        }

        var occupancy = await grains.GetGrain<IResourceDayGrain>(GrainKeys.ResourceDay(id, date)).GetOccupancyAsync().WaitAsync(cancellationToken);

        // Who booked is not public: the day shows what is taken, not by whom.
        return TypedResults.Ok(occupancy with { Bookings = [] });
    }

    /// <summary>A refusal when the resource is missing (404) or the caller neither owns it nor is an admin (403).</summary>
    internal static ProblemHttpResult? Refuse(ResourceDefinition? resource, string id, ClaimsPrincipal user) =>
        resource is null ? NotFound(id)
        : user.IsAdmin() || resource.OwnerId == user.GetUserId() ? null
        : BookingProblems.Of(BookingErrorCodes.Forbidden, "Only the resource's owner or an admin may change it.");

    private static ProblemHttpResult NotFound(string id) => BookingProblems.Of(BookingErrorCodes.ResourceNotFound, $"No resource with id {id}.");

    private static ResourceDefinition ToDefinition(string id, ResourceRequest request, string? ownerId, ResourceDefinition? current)
    {
        var defaults = new ResourceDefinition { Id = id, Kind = request.Kind!.Value, Name = request.Name! };
        return defaults with
        {
            OwnerId = ownerId,
            ParentId = request.ParentId,
            Capacity = request.Capacity ?? defaults.Capacity,
            TimeZone = request.TimeZone ?? defaults.TimeZone,
            SlotMinutes = request.SlotMinutes ?? defaults.SlotMinutes,
            Durations = request.Durations ?? defaults.Durations,
            Periods = request.Periods ?? defaults.Periods,
            Weekly = request.Weekly ?? current?.Weekly ?? defaults.Weekly,
            Exceptions = request.Exceptions ?? current?.Exceptions ?? defaults.Exceptions,
            BookingWindowDays = request.BookingWindowDays ?? defaults.BookingWindowDays,
            MinNoticeMinutes = request.MinNoticeMinutes ?? defaults.MinNoticeMinutes,
            CancellationCutoffMinutes = request.CancellationCutoffMinutes ?? defaults.CancellationCutoffMinutes,
            Price = request.Price,
            Currency = request.Currency,
            Category = request.Category,
            Tags = request.Tags ?? defaults.Tags,
            Active = current?.Active ?? true,
        };
    }
}
