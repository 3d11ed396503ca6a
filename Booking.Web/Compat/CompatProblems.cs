using Booking.Grains.Interfaces.Model;
using Microsoft.AspNetCore.Http.HttpResults;

namespace Booking.Web.Compat;

/// <summary>
/// Turns an engine refusal into the status a seed documents. The seeds name 400 for invalid requests, 404 for unknown
/// things and 409 for a taken place; so conflicts are 409, missing things 404, and every other rule the engine applies
/// (outside availability, in the past, duration, slot grid, ...) a 400 — where /api/v1 answers 422 for those.
/// </summary>
internal static class CompatProblems
{
    public static ProblemHttpResult From(BookingError error) => From(error, StatusFor(error.Code));

    public static ProblemHttpResult From(BookingError error, int status)
    {
        var extensions = new Dictionary<string, object?> { ["code"] = error.Code };
        if (error.Alternatives.Count > 0)
        {
            extensions["alternatives"] = error.Alternatives;
        }

        return TypedResults.Problem(detail: error.Message, statusCode: status, extensions: extensions);
    }

    public static ProblemHttpResult Of(string code, string message) => From(BookingError.Of(code, message));

    public static ProblemHttpResult Of(string code, string message, int status) => From(BookingError.Of(code, message), status);

    public static int StatusFor(string code) => code switch
    {
        BookingErrorCodes.SlotUnavailable or BookingErrorCodes.UserConflict or BookingErrorCodes.SiteFull
            or BookingErrorCodes.AlreadyCancelled or BookingErrorCodes.CancellationClosed or BookingErrorCodes.HoldExpired
            or BookingErrorCodes.InvalidStatusTransition or BookingErrorCodes.AlreadyExists
            => StatusCodes.Status409Conflict,
        BookingErrorCodes.NotFound or BookingErrorCodes.ResourceNotFound or BookingErrorCodes.SiteNotFound or BookingErrorCodes.HoldNotFound
            => StatusCodes.Status404NotFound,
        BookingErrorCodes.Forbidden => StatusCodes.Status403Forbidden,
        _ => StatusCodes.Status400BadRequest,
    };
}
