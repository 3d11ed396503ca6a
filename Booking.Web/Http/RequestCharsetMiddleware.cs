using System.Text;
using Microsoft.Net.Http.Headers;

namespace Booking.Web.Http;

/// <summary>
/// Refuses a body whose Content-Type names a charset .NET cannot decode (<c>charset=""</c>, <c>charset=klingon</c>) with 415,
/// before the JSON reader meets it: the reader's own failure there is an <see cref="InvalidOperationException"/>, which
/// would otherwise read as a server error.
/// </summary>
internal sealed class RequestCharsetMiddleware(RequestDelegate next)
{
    public Task InvokeAsync(HttpContext context)
    {
        if (context.Request.ContentType is { Length: > 0 } contentType
            && MediaTypeHeaderValue.TryParse(contentType, out var mediaType)
            && mediaType.Charset is { HasValue: true } charset
            && !IsKnown(charset.Value!))
        {
            throw new BadHttpRequestException(
                $"The request body's charset '{charset.Value}' is not supported; send JSON in UTF-8.", StatusCodes.Status415UnsupportedMediaType);
        }

        return next(context);
    }

    // The same test the JSON reader applies (HttpRequestJsonExtensions): UTF-8 by name, anything else through Encoding.
    private static bool IsKnown(string charset)
    {
        if (charset.Equals("utf-8", StringComparison.OrdinalIgnoreCase))
        {
            return true;
        }

        try
        {
            Encoding.GetEncoding(charset);
            return true;
        }
        catch (ArgumentException)
        {
            return false;
        }
    }
}
