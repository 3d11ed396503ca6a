using System.Security.Claims;
using Booking.Grains.Interfaces.Accounts;
using Booking.Web.Auth;
using Booking.Web.Contracts;
using Microsoft.AspNetCore.Http.HttpResults;

namespace Booking.Web.Apis;

/// <summary><c>/api/v1/me</c>: the signed-in user's own profile, its export and its deletion.</summary>
internal static class MeApi
{
    public static IEndpointRouteBuilder MapMeApi(this IEndpointRouteBuilder routes)
    {
        var me = routes.MapGroup("/api/v1/me")
            .WithTags("Me")
            .RequireAuthorization(AuthPolicies.Member)
            .ProducesProblem(StatusCodes.Status401Unauthorized);

        me.MapGet("", GetAsync)
            .WithSummary("The signed-in user's profile");

        me.MapPut("", UpdateAsync)
            .WithSummary("Replace first name, last name and phone; set the mail language")
            .WithDescription("An absent or empty phone clears it; language (fr or en) is the language of the user's mails, kept when absent. The email address cannot be changed.")
            .ProducesProblem(StatusCodes.Status400BadRequest);

        me.MapDelete("", DeleteAsync)
            .WithSummary("Delete (anonymise) the account")
            .WithDescription("Erases names, phone, email and password, signs out every session and frees the email address for a new registration. Bookings, once they exist, stay as anonymous records.");

        me.MapGet("/export", ExportAsync)
            .WithSummary("Everything kept about the signed-in user, as JSON")
            .WithDescription("Profile, open sessions and mail sent to the user; never password or token hashes.");

        return routes;
    }

    public static async Task<Ok<AccountProfile>> GetAsync(ClaimsPrincipal user, IGrainFactory grains, CancellationToken cancellationToken) =>
        TypedResults.Ok(await Account(user, grains).GetProfileAsync().WaitAsync(cancellationToken));

    public static async Task<Ok<AccountProfile>> UpdateAsync(
        UpdateProfileRequest request, ClaimsPrincipal user, IGrainFactory grains, CancellationToken cancellationToken)
    {
        var profile = await Account(user, grains).UpdateProfileAsync(new ProfileUpdate
        {
            FirstName = request.FirstName!,
            LastName = request.LastName!,
            Phone = request.Phone,
            Language = request.Language,
        }).WaitAsync(cancellationToken);
        return TypedResults.Ok(profile);
    }

    public static async Task<NoContent> DeleteAsync(ClaimsPrincipal user, IGrainFactory grains, CancellationToken cancellationToken)
    {
        await Account(user, grains).AnonymiseAsync().WaitAsync(cancellationToken);
        return TypedResults.NoContent();
    }

    public static async Task<Ok<AccountExport>> ExportAsync(ClaimsPrincipal user, IGrainFactory grains, CancellationToken cancellationToken) =>
        TypedResults.Ok(await Account(user, grains).ExportAsync().WaitAsync(cancellationToken));

    private static IUserAccountGrain Account(ClaimsPrincipal user, IGrainFactory grains) => grains.GetGrain<IUserAccountGrain>(user.GetUserId());
}
