using System.ComponentModel.DataAnnotations;
using Booking.Grains.Interfaces.Accounts;
using Booking.Grains.Interfaces.Errors;
using Booking.Web.Auth;
using Booking.Web.Contracts;
using Microsoft.AspNetCore.Http.HttpResults;

namespace Booking.Web.Apis;

/// <summary><c>/api/v1/users</c>: administration of accounts (admins only).</summary>
internal static class UsersApi
{
    public static IEndpointRouteBuilder MapUsersApi(this IEndpointRouteBuilder routes)
    {
        var users = routes.MapGroup("/api/v1/users")
            .WithTags("Users")
            .RequireAuthorization(AuthPolicies.Admin)
            .ProducesProblem(StatusCodes.Status401Unauthorized)
            .ProducesProblem(StatusCodes.Status403Forbidden);

        users.MapGet("", ListAsync)
            .WithSummary("List accounts, oldest first")
            .WithDescription("Paged: page from 1, pageSize 1 to 100 (default 20).")
            .ProducesProblem(StatusCodes.Status400BadRequest);

        users.MapGet("/{id}", GetAsync)
            .WithSummary("One account's profile")
            .ProducesProblem(StatusCodes.Status404NotFound);

        users.MapPut("/{id}/role", ChangeRoleAsync)
            .WithSummary("Give an account a role")
            .WithDescription("member, provider or admin; effective on the user's next request, without signing them out.")
            .ProducesProblem(StatusCodes.Status400BadRequest)
            .ProducesProblem(StatusCodes.Status404NotFound);

        return routes;
    }

    public static async Task<Ok<UserDirectoryPage>> ListAsync(
        IGrainFactory grains,
        CancellationToken cancellationToken,
        [Range(1, int.MaxValue, ErrorMessage = "page must be 1 or more.")] int page = 1,
        [Range(1, 100, ErrorMessage = "pageSize must be between 1 and 100.")] int pageSize = 20) =>
        TypedResults.Ok(await grains.GetGrain<IUserDirectoryGrain>(IUserDirectoryGrain.Key).ListAsync(page, pageSize).WaitAsync(cancellationToken));

    public static async Task<Ok<AccountProfile>> GetAsync(string id, IGrainFactory grains, CancellationToken cancellationToken) =>
        TypedResults.Ok(await Account(id, grains).GetProfileAsync().WaitAsync(cancellationToken));

    public static async Task<Ok<AccountProfile>> ChangeRoleAsync(
        string id, ChangeRoleRequest request, IGrainFactory grains, CancellationToken cancellationToken)
    {
        if (!UserRoles.TryParse(request.Role, out var role))
        {
            throw new DomainValidationException("The role must be one of member, provider, admin.");
        }

        return TypedResults.Ok(await Account(id, grains).SetRoleAsync(role).WaitAsync(cancellationToken));
    }

    // An id that cannot be a user id is answered without activating a grain for it.
    private static IUserAccountGrain Account(string id, IGrainFactory grains) =>
        UserId.IsValid(id) ? grains.GetGrain<IUserAccountGrain>(id) : throw new AccountNotFoundException($"No account with id {id}.");
}
