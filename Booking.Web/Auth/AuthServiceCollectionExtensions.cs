using Booking.Grains.Accounts;
using Microsoft.AspNetCore.Authentication.JwtBearer;
using Microsoft.Extensions.Options;
using Microsoft.IdentityModel.Tokens;

namespace Booking.Web.Auth;

/// <summary>Registers JWT bearer authentication, the role policies, account settings and the start-up work of auth.</summary>
internal static class AuthServiceCollectionExtensions
{
    /// <summary>Call after <c>AddBookingSilo</c>: the hosted services added here use grains, so they must start after the silo.</summary>
    public static IServiceCollection AddBookingAuth(this IServiceCollection services, IConfiguration configuration)
    {
        services.AddOptions<JwtOptions>()
            .Bind(configuration.GetSection(JwtOptions.SectionName))
            .Validate(o => o.AccessTokenMinutes is > 0 and <= 24 * 60, "Booking:Jwt:AccessTokenMinutes must be between 1 and 1440.")
            .ValidateOnStart();
        services.AddOptions<AdminOptions>().Bind(configuration.GetSection(AdminOptions.SectionName));
        services.AddOptions<AccountOptions>().Bind(configuration.GetSection(AccountOptions.SectionName));
        services.AddSingleton(RegistrationOptions.From(configuration));
        services.AddOptions<SignInThrottleOptions>()
            .Bind(configuration.GetSection(SignInThrottleOptions.SectionName))
            .Validate(o => o.MaxFailures >= 1 && o.FailureWindow > TimeSpan.Zero, "Booking:Auth:SignIn needs MaxFailures >= 1 and a positive FailureWindow.")
            .ValidateOnStart();
        services.AddSingleton<SignInThrottle>();

        services.AddSingleton<SigningKeyProvider>();
        services.AddSingleton<AccessTokenIssuer>();
        services.AddHostedService<SigningKeyLoader>();
        services.AddHostedService<AdminBootstrapService>();

        services.AddAuthentication(JwtBearerDefaults.AuthenticationScheme).AddJwtBearer();
        services.AddOptions<JwtBearerOptions>(JwtBearerDefaults.AuthenticationScheme)
            .Configure<SigningKeyProvider, IOptions<JwtOptions>>((bearer, keys, jwt) =>
            {
                bearer.MapInboundClaims = false;
                bearer.TokenValidationParameters = new TokenValidationParameters
                {
                    ValidIssuer = jwt.Value.Issuer,
                    ValidAudience = jwt.Value.Audience,
                    ValidAlgorithms = [SecurityAlgorithms.HmacSha256],
                    IssuerSigningKeyResolver = (_, _, _, _) => [keys.Key],
                    NameClaimType = AccessTokenClaims.Subject,
                    RoleClaimType = AccessTokenClaims.Role,
                    ClockSkew = TimeSpan.FromSeconds(30),
                };
                bearer.Events = new JwtBearerEvents { OnTokenValidated = AccessTokenValidation.OnTokenValidatedAsync };
            });
        services.AddAuthPolicies();
        return services;
    }
}
