namespace Booking.Web.Http;

/// <summary>
/// Refuses a declared body larger than the limit with 413 before anything reads it. Kestrel enforces the same limit on
/// bodies without a length; this check also covers hosts that do not (the test server).
/// </summary>
internal sealed class RequestBodyLimitMiddleware(RequestDelegate next, RequestLimits limits)
{
    public Task InvokeAsync(HttpContext context) =>
        context.Request.ContentLength > limits.MaxRequestBodyBytes
            ? throw new BadHttpRequestException($"The request body is larger than the limit of {limits.MaxRequestBodyBytes} bytes.", StatusCodes.Status413PayloadTooLarge)
            : next(context);
}
