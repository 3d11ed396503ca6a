using Booking.Grains.Interfaces.Errors;
using Orleans.Concurrency;

namespace Booking.Grains.Interfaces.Accounts;

/// <summary>
/// One user's account (key: the <see cref="UserId"/>): profile, role, password hash, sessions with their hashed refresh
/// tokens, revoked access-token ids and the pending password reset. The only writer of that account.
/// </summary>
[Alias("booking.IUserAccountGrain")]
public interface IUserAccountGrain : IGrainWithStringKey
{
    /// <summary>Creates the account with a PBKDF2 hash of the password; <see cref="AccountExistsException"/> if this id already has one.</summary>
    Task<AccountProfile> CreateAsync(NewAccount account);

    /// <summary>
    /// Whether the account exists and has not been anonymised. Answers even while another request of this account awaits
    /// (it reads only what is stored), so the email index may ask while an anonymisation is releasing the address.
    /// </summary>
    [AlwaysInterleave]
    Task<bool> IsActiveAsync();

    /// <summary>The profile; <see cref="AccountNotFoundException"/> when there is no active account.</summary>
    [ReadOnly]
    Task<AccountProfile> GetProfileAsync();

    /// <summary>Replaces first name, last name and phone; <see cref="DomainValidationException"/> for blank or oversized values.</summary>
    Task<AccountProfile> UpdateProfileAsync(ProfileUpdate update);

    /// <summary>Checks the password in constant time and opens a session; <see cref="InvalidCredentialsException"/> when it does not match.</summary>
    Task<IssuedSession> SignInAsync(string password);

    /// <summary>
    /// Rotates the session's refresh token: the presented token stops working and a new one is returned.
    /// <see cref="InvalidRefreshTokenException"/> for an unknown or expired token; presenting an already rotated token also ends its session.
    /// </summary>
    Task<IssuedSession> RefreshAsync(string refreshToken);

    /// <summary>Ends the session (its refresh token stops working) and revokes the access token id until its expiry.</summary>
    Task SignOutAsync(string sessionId, string accessTokenId, DateTimeOffset accessTokenExpiresAt);

    /// <summary>Whether an access token of this session may still be used, with the account's current role.</summary>
    [ReadOnly]
    Task<AccessTokenStatus> CheckAccessTokenAsync(string sessionId, string accessTokenId);

    /// <summary>
    /// Replaces the password after checking the current one (<see cref="InvalidCurrentPasswordException"/> if wrong);
    /// every other session ends, <paramref name="keepSessionId"/> stays signed in.
    /// </summary>
    Task ChangePasswordAsync(string currentPassword, string newPassword, string keepSessionId);

    /// <summary>Issues a single-use reset token (valid for a limited time, replacing any earlier one) and records a mail with it in the durable message outbox.</summary>
    Task RequestPasswordResetAsync();

    /// <summary>Sets a new password with a reset token and ends every session; <see cref="InvalidResetTokenException"/> for an unknown, used or expired token.</summary>
    Task ResetPasswordAsync(string resetToken, string newPassword);

    /// <summary>
    /// Issues a new private calendar-feed token (<c>{userId}.{secret}</c>, returned once, stored as a hash); the previous one
    /// stops working.
    /// </summary>
    Task<string> RotateCalendarTokenAsync();

    /// <summary>Revokes the calendar-feed token: its feed URLs stop working.</summary>
    Task RevokeCalendarTokenAsync();

    /// <summary>Whether <paramref name="token"/> is the account's current calendar-feed token (compared in constant time).</summary>
    [ReadOnly]
    Task<bool> CheckCalendarTokenAsync(string token);

    /// <summary>Gives the account a role; effective on the next request of every session.</summary>
    Task<AccountProfile> SetRoleAsync(UserRole role);

    /// <summary>Erases personal data and secrets, ends every session and frees the email for a new registration; idempotent.</summary>
    Task AnonymiseAsync();

    /// <summary>Everything kept about the account (profile, sessions, mail), without secrets.</summary>
    [ReadOnly]
    Task<AccountExport> ExportAsync();
}
