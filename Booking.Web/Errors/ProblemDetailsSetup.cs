using Booking.Web.Compat;
using Microsoft.AspNetCore.Diagnostics;
using Microsoft.AspNetCore.Http.Metadata;
using Microsoft.AspNetCore.WebUtilities;

namespace Booking.Web.Errors;

/// <summary>
/// Every problem the API writes carries a <c>code</c>, and a <c>detail</c>: for a validation problem, the list of what is
/// wrong. On a seed application's routes it also carries that seed's error fields (<see cref="SeedErrorEnvelope"/>).
/// </summary>
internal static class ProblemDetailsSetup
{
    public static IServiceCollection AddApiProblemDetails(this IServiceCollection services)
    {
        services.AddProblemDetails(options => options.CustomizeProblemDetails = Customize);
        services.AddExceptionHandler<ApiExceptionHandler>();
        return services;
    }

    private static void Customize(ProblemDetailsContext context)
    {
        var problem = context.ProblemDetails;
        var status = problem.Status ?? context.HttpContext.Response.StatusCode;
        // The exception handler has already cleared the endpoint from the context by the time it writes; its feature still names it.
        var endpoint = context.HttpContext.GetEndpoint() ?? context.HttpContext.Features.Get<IExceptionHandlerFeature>()?.Endpoint;
        problem.Extensions.TryAdd("code", ProblemCodes.ForStatus(status));
        if (problem is HttpValidationProblemDetails { Errors.Count: > 0 } invalid)
        {
            // Field names as the client wrote them (the body's JSON names), not as the .NET properties are called.
            var requestType = endpoint?.Metadata.GetMetadata<IAcceptsMetadata>()?.RequestType;
            var errors = invalid.Errors.ToDictionary(e => ValidationErrorKeys.ToJsonPath(requestType, e.Key), e => e.Value);
            invalid.Errors.Clear();
            foreach (var (field, messages) in errors)
            {
                invalid.Errors[field] = messages;
            }
        }

        if (string.IsNullOrEmpty(problem.Detail))
        {
            problem.Detail = problem is HttpValidationProblemDetails { Errors.Count: > 0 } validation
                ? string.Join(" ", validation.Errors.SelectMany(e => e.Value))
                : DefaultDetail(status);
        }

        // A seed application's route: its clients also read that seed's own error fields.
        endpoint?.Metadata.GetMetadata<SeedErrorEnvelope>()?.Apply(problem, context.HttpContext);
    }

    // For answers that come with a status only (authentication, authorization, routing).
    private static string DefaultDetail(int status) => status switch
    {
        StatusCodes.Status401Unauthorized => "A valid access token is required: send 'Authorization: Bearer <token>'. The token may be missing, expired or revoked.",
        StatusCodes.Status403Forbidden => "Your role does not allow this operation.",
        StatusCodes.Status404NotFound => "There is nothing at this address.",
        StatusCodes.Status405MethodNotAllowed => "This method is not allowed at this address.",
        StatusCodes.Status415UnsupportedMediaType => "The request body must be JSON (Content-Type: application/json).",
        _ => ReasonPhrases.GetReasonPhrase(status),
    };
}
