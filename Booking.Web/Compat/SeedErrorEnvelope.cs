using Booking.Grains.Interfaces.Model;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.WebUtilities;

namespace Booking.Web.Compat;

/// <summary>
/// Route metadata for a seed application's routes: its error bodies stay RFC 9457 problems (with <c>detail</c> and a
/// stable <c>code</c>) and also carry the fields that seed's clients read, and the seed's own status for the codes where
/// its document names one different from the engine's; so one error path serves both.
/// </summary>
internal sealed record SeedErrorEnvelope
{
    /// <summary>Wortis: <c>{"success": false, "error": "..."}</c>; a cancellation it refuses is a 400.</summary>
    public static SeedErrorEnvelope Wortis { get; } = new()
    {
        Success = true,
        Error = true,
        Statuses = new Dictionary<string, int>
        {
            [BookingErrorCodes.AlreadyCancelled] = StatusCodes.Status400BadRequest,
            [BookingErrorCodes.CancellationClosed] = StatusCodes.Status400BadRequest,
        },
    };

    /// <summary>EduConnect (Flask): <c>{"error": "..."}</c>.</summary>
    public static SeedErrorEnvelope Flask { get; } = new() { Error = true };

    /// <summary>The generic backend (Flask): <c>{"error": "..."}</c>; its register answers an address in use with 400.</summary>
    public static SeedErrorEnvelope GenericBackend { get; } = Flask with
    {
        Statuses = new Dictionary<string, int> { ["email_taken"] = StatusCodes.Status400BadRequest },
    };

    /// <summary>Adds <c>"success": false</c>.</summary>
    public bool Success { get; init; }

    /// <summary>Adds <c>"error"</c> with the detail.</summary>
    public bool Error { get; init; }

    /// <summary>The seed's status for a problem <c>code</c>, where it differs from the engine's.</summary>
    public IReadOnlyDictionary<string, int> Statuses { get; init; } = new Dictionary<string, int>();

    /// <summary>Gives a problem whose detail is final this seed's status and fields.</summary>
    public void Apply(ProblemDetails problem, HttpContext httpContext)
    {
        if (problem.Extensions.TryGetValue("code", out var code) && code is string name && Statuses.TryGetValue(name, out var status))
        {
            problem.Status = status;
            problem.Title = ReasonPhrases.GetReasonPhrase(status);
            problem.Type = null;
            httpContext.Response.StatusCode = status;
        }

        if (Success)
        {
            problem.Extensions["success"] = false;
        }

        if (Error)
        {
            problem.Extensions["error"] = problem.Detail;
        }
    }
}
