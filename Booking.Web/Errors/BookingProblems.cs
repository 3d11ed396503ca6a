using Booking.Grains.Interfaces.Model;
using Microsoft.AspNetCore.Http.HttpResults;

namespace Booking.Web.Errors;

/// <summary>Turns a booking grain's refusal (<see cref="BookingError"/>) into a problem with its code and, for a taken slot, the nearest free ones.</summary>
internal static class BookingProblems
{
    public static ProblemHttpResult From(BookingError error) => From(error, StatusFor(error.Code));

    /// <summary>The problem of <paramref name="error"/> under another status (the seed applications' routes answer some codes differently).</summary>
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

    public static int StatusFor(string code) => code switch
    {
        BookingErrorCodes.ValidationFailed => StatusCodes.Status400BadRequest,
        BookingErrorCodes.NotFound or BookingErrorCodes.ResourceNotFound or BookingErrorCodes.SiteNotFound or BookingErrorCodes.HoldNotFound
            => StatusCodes.Status404NotFound,
        BookingErrorCodes.Forbidden => StatusCodes.Status403Forbidden,
        BookingErrorCodes.SlotUnavailable or BookingErrorCodes.UserConflict or BookingErrorCodes.SiteFull
            or BookingErrorCodes.AlreadyCancelled or BookingErrorCodes.CancellationClosed or BookingErrorCodes.ResourceInactive
            or BookingErrorCodes.HoldExpired or BookingErrorCodes.InvalidStatusTransition or "already_exists"
            => StatusCodes.Status409Conflict,

        // The request is well-formed but a booking rule refuses it: outside availability, in the past, notice, window,
        // duration, slot grid, a local time a DST change skips or repeats, an idempotency key reused for another request.
        _ => StatusCodes.Status422UnprocessableEntity,
    };
}
