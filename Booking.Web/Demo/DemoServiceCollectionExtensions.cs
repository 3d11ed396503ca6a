namespace Booking.Web.Demo;

/// <summary>Registers the first-run demo data.</summary>
internal static class DemoServiceCollectionExtensions
{
    /// <summary>Call after <c>AddBookingSilo</c> and <c>AddBookingAuth</c>: the seeder uses grains and the configured admin, so it starts after both.</summary>
    public static IServiceCollection AddBookingDemo(this IServiceCollection services, IConfiguration configuration)
    {
        services.AddOptions<DemoOptions>().Bind(configuration.GetSection(DemoOptions.SectionName));
        services.AddSingleton<DemoAccounts>();
        services.AddHostedService<DemoDataSeeder>();
        services.AddHostedService<StartBanner>();
        return services;
    }
}
