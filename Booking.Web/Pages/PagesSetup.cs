using Microsoft.Net.Http.Headers;

namespace Booking.Web.Pages;

/// <summary>
/// The web pages: static files under <c>wwwroot</c> (HTML, CSS and JavaScript modules, no build step) that call
/// <c>/api/v1</c> like any other client. A strict content security policy lets them run only their own scripts and
/// styles and talk only to this origin.
/// </summary>
internal static class PagesSetup
{
    public const string ContentSecurityPolicy =
        "default-src 'self'; script-src 'self'; style-src 'self'; img-src 'self' data:; connect-src 'self'; font-src 'self'; "
        + "object-src 'none'; base-uri 'none'; form-action 'self'; frame-ancestors 'none'";

    public static IApplicationBuilder UseBookingPages(this IApplicationBuilder app)
    {
        app.UseDefaultFiles();
        return app.UseStaticFiles(new StaticFileOptions
        {
            OnPrepareResponse = context =>
            {
                var headers = context.Context.Response.Headers;
                headers.ContentSecurityPolicy = ContentSecurityPolicy;

                // Revalidated on every load (ETag / Last-Modified answer 304), so a new version is picked up at once.
                headers.CacheControl = "no-cache";
                headers[HeaderNames.XContentTypeOptions] = "nosniff";
            },
        });
    }
}
