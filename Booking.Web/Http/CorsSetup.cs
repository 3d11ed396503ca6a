using Booking.Web.Configuration;

namespace Booking.Web.Http;

/// <summary>Browser origins allowed to call the API (<c>Booking:Cors:Origins</c>); none unless configured.</summary>
internal static class CorsSetup
{
    public static IServiceCollection AddBookingCors(this IServiceCollection services, IConfiguration configuration)
    {
        var origins = ConfigurationLists.Read(configuration, "Booking:Cors:Origins");
        services.AddCors(options =>
        {
            if (origins.Count > 0)
            {
                options.AddDefaultPolicy(policy => policy
                    .WithOrigins([.. origins])
                    .AllowAnyHeader()
                    .AllowAnyMethod()
                    .WithExposedHeaders("Location", "Retry-After", "X-Request-Id"));
            }
        });
        return services;
    }
}
