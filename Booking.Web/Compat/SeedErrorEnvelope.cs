using Microsoft.AspNetCore.Mvc;

namespace Booking.Web.Compat;

/// <summary>
/// Route metadata for a seed application's routes: its error bodies stay RFC 9457 problems (with <c>detail</c> and a
/// stable <c>code</c>) and also carry the fields that seed's clients read, so one error path serves both.
/// </summary>
/// <param name="Success">Adds <c>"success": false</c> (Wortis' envelope).</param>
/// <param name="Error">Adds <c>"error"</c> with the detail (the Flask seeds' <c>{'error': ...}</c>).</param>
internal sealed record SeedErrorEnvelope(bool Success, bool Error)
{
    /// <summary>Wortis: <c>{"success": false, "error": "..."}</c>.</summary>
    public static SeedErrorEnvelope Wortis { get; } = new(Success: true, Error: true);

    /// <summary>Flask seeds (EduConnect, generic backend): <c>{"error": "..."}</c>.</summary>
    public static SeedErrorEnvelope Flask { get; } = new(Success: false, Error: true);

    /// <summary>Adds this seed's fields to a problem whose detail is final.</summary>
    public void Apply(ProblemDetails problem)
    {
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
