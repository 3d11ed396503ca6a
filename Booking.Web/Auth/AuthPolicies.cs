using Booking.Grains.Interfaces.Accounts;

namespace Booking.Web.Auth;

/// <summary>Authorization policies by role; an admin satisfies every policy, a provider the member one too.</summary>
internal static class AuthPolicies
{
    /// <summary>Any signed-in user.</summary>
    public const string Member = "member";

    /// <summary>Providers and admins.</summary>
    public const string Provider = "provider";

    /// <summary>Admins only.</summary>
    public const string Admin = "admin";

    public static IServiceCollection AddAuthPolicies(this IServiceCollection services)
    {
        services.AddAuthorizationBuilder()
            .AddPolicy(Member, p => p.RequireAuthenticatedUser().RequireRole(UserRoles.Member, UserRoles.Provider, UserRoles.Admin))
            .AddPolicy(Provider, p => p.RequireAuthenticatedUser().RequireRole(UserRoles.Provider, UserRoles.Admin))
            .AddPolicy(Admin, p => p.RequireAuthenticatedUser().RequireRole(UserRoles.Admin));
        return services;
    }
}
