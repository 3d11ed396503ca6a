using System.Net;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;

namespace Booking.Tests.Security;

/// <summary>
/// Test-only: gives each in-memory request the client address named in its <c>X-Test-Client</c> header (the test server
/// has no network peers), so per-client limits can be told apart from per-account ones. Runs before the app's pipeline.
/// </summary>
internal sealed class ClientAddressStartupFilter : IStartupFilter
{
    public const string Header = "X-Test-Client";

    public Action<IApplicationBuilder> Configure(Action<IApplicationBuilder> next) => app =>
    {
        app.Use((context, nextMiddleware) =>
        {
            if (context.Request.Headers[Header] is [{ } address] && IPAddress.TryParse(address, out var ip))
            {
                context.Connection.RemoteIpAddress = ip;
            }

            return nextMiddleware(context);
        });
        next(app);
    };
}
