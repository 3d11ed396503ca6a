using Microsoft.OpenApi;

namespace Booking.Web.OpenApi;

/// <summary>OpenAPI document and Swagger UI at <c>/swagger</c>, with the JWT bearer scheme.</summary>
internal static class SwaggerSetup
{
    public static IServiceCollection AddBookingSwagger(this IServiceCollection services)
    {
        services.AddEndpointsApiExplorer();
        services.AddSwaggerGen(options =>
        {
            options.SwaggerDoc("v1", new OpenApiInfo
            {
                Title = "Booking engine API",
                Version = "v1",
                Description = "Errors are RFC 9457 problem details (application/problem+json) with status, title, detail and a stable code. "
                    + "Sign in with POST /api/v1/auth/login and send the access token as 'Authorization: Bearer <token>'.",
            });
            options.AddSecurityDefinition(BearerSecurityOperationFilter.SchemeName, new OpenApiSecurityScheme
            {
                Type = SecuritySchemeType.Http,
                Scheme = "bearer",
                BearerFormat = "JWT",
                Description = "The accessToken from /api/v1/auth/login or /api/v1/auth/refresh.",
            });
            options.OperationFilter<BearerSecurityOperationFilter>();
        });
        return services;
    }

    public static WebApplication UseBookingSwagger(this WebApplication app)
    {
        app.UseSwagger();
        app.UseSwaggerUI(options =>
        {
            options.SwaggerEndpoint("/swagger/v1/swagger.json", "Booking engine API v1");
            options.DocumentTitle = "Booking engine API";
        });
        return app;
    }
}
