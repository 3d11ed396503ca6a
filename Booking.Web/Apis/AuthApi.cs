using System.Security.Claims;
using Booking.Grains.Interfaces.Accounts;
using Booking.Grains.Messages;
using Booking.Grains.Interfaces.Errors;
using Booking.Web.Auth;
using Booking.Web.Contracts;
using Booking.Web.Http;
using Microsoft.AspNetCore.Http.HttpResults;

namespace Booking.Web.Apis;

/// <summary><c>/api/v1/auth</c>: registration, sign-in with rotating refresh tokens, sign-out, password change and reset.</summary>
internal static class AuthApi
{
    public static IEndpointRouteBuilder MapAuthApi(this IEndpointRouteBuilder routes)
    {
        var auth = routes.MapGroup("/api/v1/auth").WithTags("Auth");

        // Routes that take a password or an email address are where guessing and abuse happen: they share a per-client limit.
        var credentials = auth.MapGroup("").RequireRateLimiting(RateLimiting.AuthPolicy).ProducesProblem(StatusCodes.Status429TooManyRequests);

        credentials.MapPost("/register", RegisterAsync)
            .AllowAnonymous()
            .WithSummary("Create an account")
            .WithDescription("New accounts are members. 409 email_taken when the address has an account; 400 validation_failed for a bad email or a password shorter than 8 characters; 403 email_domain_not_allowed when Booking:Auth:AllowedEmailDomains is set and the address is outside it.")
            .ProducesProblem(StatusCodes.Status400BadRequest)
            .ProducesProblem(StatusCodes.Status403Forbidden)
            .ProducesProblem(StatusCodes.Status409Conflict);

        credentials.MapPost("/login", LoginAsync)
            .AllowAnonymous()
            .WithSummary("Sign in with email and password")
            .WithDescription("Returns an access token and a refresh token. 401 invalid_credentials, the same for an unknown email and a wrong password. "
                + "After 5 failures on one address within 15 minutes (Booking:Auth:SignIn), every sign-in to it is 429 rate_limited with Retry-After until the oldest of them is 15 minutes old, "
                + "the same for an address without an account; one client is also limited across the credential routes (Booking:RateLimiting:Auth).")
            .ProducesProblem(StatusCodes.Status400BadRequest)
            .ProducesProblem(StatusCodes.Status401Unauthorized);

        credentials.MapPost("/password/change", ChangePasswordAsync)
            .RequireAuthorization(AuthPolicies.Member)
            .WithSummary("Change the password")
            .WithDescription("Needs the current password (400 invalid_current_password if wrong). Every other session of the account is signed out; this one stays signed in.")
            .ProducesProblem(StatusCodes.Status400BadRequest)
            .ProducesProblem(StatusCodes.Status401Unauthorized);

        credentials.MapPost("/password/reset", RequestPasswordResetAsync)
            .AllowAnonymous()
            .WithSummary("Request a password-reset code")
            .WithDescription("Always 202, whether or not the address has an account. The code is delivered to the account's mail outbox, never in a response; it works once, for 30 minutes.")
            .ProducesProblem(StatusCodes.Status400BadRequest);

        credentials.MapPost("/password/reset/confirm", ConfirmPasswordResetAsync)
            .AllowAnonymous()
            .WithSummary("Set a new password with a reset code")
            .WithDescription("Every session of the account is signed out. 400 invalid_reset_token for an unknown, used or expired code.")
            .ProducesProblem(StatusCodes.Status400BadRequest);

        auth.MapPost("/refresh", RefreshAsync)
            .AllowAnonymous()
            .WithSummary("Exchange a refresh token for a new token pair")
            .WithDescription("Rotation: the presented refresh token stops working. 401 invalid_refresh_token for an unknown, expired or already used token; presenting an already used token also signs its session out, since someone else may hold it.")
            .ProducesProblem(StatusCodes.Status400BadRequest)
            .ProducesProblem(StatusCodes.Status401Unauthorized);

        auth.MapPost("/logout", LogoutAsync)
            .RequireAuthorization(AuthPolicies.Member)
            .WithSummary("Sign out")
            .WithDescription("Ends the session of the access token used: its refresh token and the access token itself stop working at once.")
            .ProducesProblem(StatusCodes.Status401Unauthorized);

        return routes;
    }

    public static async Task<Created<RegisteredUser>> RegisterAsync(
        RegisterRequest request, HttpRequest http, IGrainFactory grains, RegistrationOptions registration, CancellationToken cancellationToken)
    {
        var email = request.Email!.Trim();
        if (!registration.Allows(email))
        {
            throw new EmailDomainNotAllowedException("Self-registration is not open to this email domain.");
        }

        var profile = await grains.GetGrain<IEmailIndexGrain>(AccountEmail.IndexKey(email)).RegisterAsync(new NewAccount
        {
            UserId = UserId.New(),
            Email = email,
            Password = request.Password!,
            FirstName = request.FirstName!,
            LastName = request.LastName!,
            Language = request.Language ?? MessageLanguages.FromAcceptLanguage(http.Headers.AcceptLanguage),
        }).WaitAsync(cancellationToken);
        return TypedResults.Created($"/api/v1/users/{profile.Id}", new RegisteredUser(profile.Id, profile.Email, profile.Role));
    }

    public static async Task<Ok<TokenResponse>> LoginAsync(
        LoginRequest request, IGrainFactory grains, AccessTokenIssuer tokens, SignInThrottle throttle, CancellationToken cancellationToken)
    {
        // Checked before the password is: a throttled address learns nothing, not even whether this guess was right.
        if (throttle.RetryAfter(request.Email!) is { } wait)
        {
            throw new SignInThrottledException(wait);
        }

        IssuedSession session;
        try
        {
            session = await grains.GetGrain<IEmailIndexGrain>(AccountEmail.IndexKey(request.Email!))
                .SignInAsync(request.Password!)
                .WaitAsync(cancellationToken);
        }
        catch (InvalidCredentialsException)
        {
            throttle.RecordFailure(request.Email!);
            throw;
        }

        throttle.RecordSuccess(request.Email!);
        return TypedResults.Ok(tokens.Issue(session));
    }

    public static async Task<Ok<TokenResponse>> RefreshAsync(
        RefreshRequest request, IGrainFactory grains, AccessTokenIssuer tokens, CancellationToken cancellationToken)
    {
        if (!AccountToken.TryGetUserId(request.RefreshToken, out var userId))
        {
            throw new InvalidRefreshTokenException("The refresh token is not valid.");
        }

        var session = await grains.GetGrain<IUserAccountGrain>(userId).RefreshAsync(request.RefreshToken!).WaitAsync(cancellationToken);
        return TypedResults.Ok(tokens.Issue(session));
    }

    public static async Task<NoContent> LogoutAsync(ClaimsPrincipal user, IGrainFactory grains, CancellationToken cancellationToken)
    {
        await grains.GetGrain<IUserAccountGrain>(user.GetUserId())
            .SignOutAsync(user.GetSessionId(), user.GetTokenId(), user.GetTokenExpiry())
            .WaitAsync(cancellationToken);
        return TypedResults.NoContent();
    }

    public static async Task<NoContent> ChangePasswordAsync(
        ChangePasswordRequest request, ClaimsPrincipal user, IGrainFactory grains, CancellationToken cancellationToken)
    {
        await grains.GetGrain<IUserAccountGrain>(user.GetUserId())
            .ChangePasswordAsync(request.CurrentPassword!, request.NewPassword!, user.GetSessionId())
            .WaitAsync(cancellationToken);
        return TypedResults.NoContent();
    }

    public static async Task<Accepted> RequestPasswordResetAsync(
        PasswordResetRequest request, IGrainFactory grains, CancellationToken cancellationToken)
    {
        // The same answer for every address, so the route cannot be used to find out which ones have accounts.
        if (await grains.GetGrain<IEmailIndexGrain>(AccountEmail.IndexKey(request.Email!)).GetUserIdAsync().WaitAsync(cancellationToken) is { } userId)
        {
            await grains.GetGrain<IUserAccountGrain>(userId).RequestPasswordResetAsync().WaitAsync(cancellationToken);
        }

        return TypedResults.Accepted((string?)null);
    }

    public static async Task<NoContent> ConfirmPasswordResetAsync(
        PasswordResetConfirmRequest request, IGrainFactory grains, CancellationToken cancellationToken)
    {
        if (!AccountToken.TryGetUserId(request.Token, out var userId))
        {
            throw new InvalidResetTokenException("The password-reset token is not valid: it may have expired or been used already.");
        }

        await grains.GetGrain<IUserAccountGrain>(userId).ResetPasswordAsync(request.Token!, request.NewPassword!).WaitAsync(cancellationToken);
        return TypedResults.NoContent();
    }
}
