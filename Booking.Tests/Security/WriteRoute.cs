using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.Metadata;
using Microsoft.AspNetCore.Routing;
using Microsoft.AspNetCore.Routing.Patterns;
using Microsoft.Extensions.DependencyInjection;

namespace Booking.Tests.Security;

/// <summary>A POST or PUT route of the running app, as its endpoint data source describes it.</summary>
internal sealed record WriteRoute(string Method, RoutePattern Pattern, Type? BodyType, bool RequiresAuthorization)
{
    /// <summary>The route template, always with one leading slash and none trailing (group prefixes leave either).</summary>
    public string Template => "/" + (Pattern.RawText ?? string.Empty).Trim('/');

    public IReadOnlyList<string> Parameters => [.. Pattern.Parameters.Select(p => p.Name)];

    /// <summary>Every POST and PUT route the app maps (so a route added later is covered without touching the tests).</summary>
    public static IReadOnlyList<WriteRoute> Discover(IServiceProvider services) =>
    [
        .. Endpoints(services)
            .SelectMany(e => (e.Metadata.GetMetadata<IHttpMethodMetadata>()?.HttpMethods ?? [])
                .Where(m => m is "POST" or "PUT")
                .Select(m => new WriteRoute(m, e.RoutePattern, e.Metadata.GetMetadata<IAcceptsMetadata>()?.RequestType, RequiresAuth(e))))
            .OrderBy(r => r.Template, StringComparer.Ordinal)
            .ThenBy(r => r.Method, StringComparer.Ordinal),
    ];

    /// <summary>Every route endpoint the app maps.</summary>
    public static IEnumerable<RouteEndpoint> Endpoints(IServiceProvider services) =>
        services.GetRequiredService<EndpointDataSource>().Endpoints.OfType<RouteEndpoint>();

    /// <summary>Whether the endpoint needs an authenticated caller (an authorization policy and no anonymous override).</summary>
    public static bool RequiresAuth(Endpoint endpoint) =>
        endpoint.Metadata.GetMetadata<Microsoft.AspNetCore.Authorization.IAllowAnonymous>() is null
        && endpoint.Metadata.GetOrderedMetadata<Microsoft.AspNetCore.Authorization.IAuthorizeData>().Count > 0;

    /// <summary>The path with each parameter replaced by the value <paramref name="valueOf"/> gives (already escaped as it should travel).</summary>
    public string PathWith(Func<string, string> valueOf)
    {
        var path = new System.Text.StringBuilder();
        foreach (var segment in Pattern.PathSegments)
        {
            path.Append('/');
            foreach (var part in segment.Parts)
            {
                path.Append(part switch
                {
                    RoutePatternLiteralPart literal => literal.Content,
                    RoutePatternSeparatorPart separator => separator.Content,
                    RoutePatternParameterPart parameter => valueOf(parameter.Name),
                    _ => string.Empty,
                });
            }
        }

        return path.Length == 0 ? "/" : path.ToString();
    }

    public override string ToString() => $"{Method} {Template}";
}
