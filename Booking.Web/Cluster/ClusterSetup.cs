using Booking.Silo.Hosting;

namespace Booking.Web.Cluster;

/// <summary>How this API host reaches the grains (<c>Booking:Cluster:Role</c>): a co-hosted silo, or an Orleans client of a cluster.</summary>
internal static class ClusterSetup
{
    // Liveness, metrics and the API description need no grain, so they answer while a client-mode host waits for a silo.
    private static readonly string[] AnsweredBeforeStart = ["/health", "/metrics", "/api/health", "/swagger"];

    /// <summary>
    /// <c>Silo</c> (default): one process, <c>UseBookingSilo</c> co-hosted. <c>Client</c>: <c>UseBookingClient</c> (PostgreSQL
    /// membership, no grains here); the hosted services start together so that HTTP is served while the client connects.
    /// </summary>
    public static WebApplicationBuilder AddBookingCluster(this WebApplicationBuilder builder)
    {
        if (BookingSiloBuilderExtensions.ClusterOptionsFrom(builder.Configuration).Role == ClusterRole.Client)
        {
            builder.UseOrleansClient(client => client.UseBookingClient(builder.Configuration));
            builder.Services.Configure<HostOptions>(options => options.ServicesStartConcurrently = true);
            builder.Services.AddSingleton(sp => new ClusterStartup(sp.GetRequiredService<ClusterClientState>().Connected));
        }
        else
        {
            builder.UseOrleans(silo => silo.UseBookingSilo(builder.Configuration));
            builder.Services.AddSingleton(ClusterStartup.CoHosted);
        }

        return builder;
    }

    /// <summary>
    /// Client mode: until the host has started (connected to the cluster, signing key loaded, first admin ensured), every
    /// request but liveness, metrics and Swagger is answered 503 <c>unavailable</c> with Retry-After by the exception handler.
    /// </summary>
    public static IApplicationBuilder UseClusterStartupGate(this WebApplication app)
    {
        if (BookingSiloBuilderExtensions.ClusterOptionsFrom(app.Configuration).Role != ClusterRole.Client)
        {
            return app;
        }

        var started = app.Lifetime.ApplicationStarted;
        return app.Use((context, next) =>
        {
            if (started.IsCancellationRequested || AnsweredBeforeStart.Any(p => context.Request.Path.StartsWithSegments(p, StringComparison.OrdinalIgnoreCase)))
            {
                return next(context);
            }

            throw new SiloUnavailableException("This API host has not reached the cluster yet: no silo has answered.");
        });
    }
}
