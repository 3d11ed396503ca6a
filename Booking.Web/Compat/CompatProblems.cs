using Booking.Grains.Interfaces.Model;
using Booking.Web.Errors;
using Microsoft.AspNetCore.Http.HttpResults;

namespace Booking.Web.Compat;

/// <summary>
/// Turns an engine refusal into the status a seed documents: the engine's own (<see cref="BookingProblems.StatusFor"/>),
/// except that a rule violation /api/v1 answers with 422 (outside availability, in the past, duration, slot grid, ...)
/// is a 400, since every seed names 400 for a request it refuses and none uses 422.
/// </summary>
internal static class CompatProblems
{
    public static ProblemHttpResult From(BookingError error) => BookingProblems.From(error, StatusFor(error.Code));

    public static ProblemHttpResult Of(string code, string message) => From(BookingError.Of(code, message));

    public static ProblemHttpResult Of(string code, string message, int status) => BookingProblems.From(BookingError.Of(code, message), status);

    private static int StatusFor(string code)
    {
        var status = BookingProblems.StatusFor(code);
        return status == StatusCodes.Status422UnprocessableEntity ? StatusCodes.Status400BadRequest : status;
    }
}
