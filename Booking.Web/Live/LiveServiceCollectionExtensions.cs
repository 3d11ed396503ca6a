namespace Booking.Web.Live;

/// <summary>Registers the host's live feed (one instance: it owns the host's subscriptions and renews them).</summary>
internal static class LiveServiceCollectionExtensions
{
    public static IServiceCollection AddBookingLive(this IServiceCollection services)
    {
        services.AddSingleton<LiveFeed>();
        services.AddHostedService(sp => sp.GetRequiredService<LiveFeed>());
        return services;
    }
}
