using Booking.Grains.Interfaces.Accounts;
using Booking.Grains.Interfaces.Errors;
using Booking.Grains.Messages;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Options;

namespace Booking.Grains.Accounts;

/// <summary>One user's account; see <see cref="IUserAccountGrain"/>.</summary>
[GrainType("user-account")]
internal sealed class UserAccountGrain(
    [PersistentState("account")] IPersistentState<UserAccountState> account,
    TimeProvider time,
    IOptions<AccountOptions> options,
    IMessageOutbox outbox,
    ILogger<UserAccountGrain>? logger = null)
    : Grain, IUserAccountGrain
{
    // How many rotated-away refresh tokens a session remembers to recognise a replay.
    private const int RememberedRotations = 5;

    private readonly ILogger _logger = logger ?? NullLogger<UserAccountGrain>.Instance;

    private UserAccountState State => account.State;

    private bool IsActive => account.RecordExists && !State.Anonymised;

    private string Id => this.GetPrimaryKeyString();

    public async Task<AccountProfile> CreateAsync(NewAccount newAccount)
    {
        if (account.RecordExists)
        {
            throw new AccountExistsException($"An account with id {Id} exists already.");
        }

        AccountRules.ValidateNewAccount(newAccount);
        if (newAccount.UserId != Id)
        {
            throw new DomainValidationException("The account's user id does not match the grain it was sent to.");
        }

        var now = time.GetUtcNow();
        account.State = new UserAccountState
        {
            Id = Id,
            Email = newAccount.Email.Trim(),
            FirstName = newAccount.FirstName.Trim(),
            LastName = newAccount.LastName.Trim(),
            Role = newAccount.Role,
            Language = newAccount.Language ?? MessageLanguages.Default,
            PasswordHash = PasswordHasher.Hash(newAccount.Password),
            CreatedAt = now,
            UpdatedAt = now,
            PasswordChangedAt = now,
        };
        await account.WriteStateAsync();
        var profile = ToProfile();
        await UpdateDirectoryAsync(profile);
        return profile;
    }

    public Task<bool> IsActiveAsync() => Task.FromResult(IsActive);

    public Task<AccountProfile> GetProfileAsync()
    {
        EnsureActive();
        return Task.FromResult(ToProfile());
    }

    public async Task<AccountProfile> UpdateProfileAsync(ProfileUpdate update)
    {
        EnsureActive();
        AccountRules.ValidateProfile(update);
        account.State = State with
        {
            FirstName = update.FirstName.Trim(),
            LastName = update.LastName.Trim(),
            Phone = string.IsNullOrWhiteSpace(update.Phone) ? null : update.Phone.Trim(),
            Language = update.Language ?? State.Language,
            UpdatedAt = time.GetUtcNow(),
        };
        await account.WriteStateAsync();
        var profile = ToProfile();
        await UpdateDirectoryAsync(profile);
        return profile;
    }

    public async Task<IssuedSession> SignInAsync(string password)
    {
        if (!IsActive)
        {
            PasswordHasher.SimulateVerify(password);
            throw InvalidCredentials();
        }

        if (!PasswordHasher.Verify(password, State.PasswordHash))
        {
            throw InvalidCredentials();
        }

        var now = time.GetUtcNow();
        var secret = SecretToken.NewSecret();
        var refreshToken = AccountToken.Create(Id, secret);
        var session = new AccountSession
        {
            Id = Guid.NewGuid().ToString("N"),
            RefreshTokenHash = SecretToken.Hash(refreshToken),
            CreatedAt = now,
            RefreshedAt = now,
            ExpiresAt = now + options.Value.RefreshTokenLifetime,
        };

        // Beyond the limit the least recently refreshed sessions make room.
        var kept = LiveSessions(now)
            .OrderByDescending(s => s.RefreshedAt)
            .Take(Math.Max(0, options.Value.MaxSessions - 1))
            .OrderBy(s => s.CreatedAt);
        account.State = State with
        {
            Sessions = [.. kept, session],
            RevokedAccessTokens = LiveRevocations(now),
            PasswordHash = PasswordHasher.NeedsRehash(State.PasswordHash) ? PasswordHasher.Hash(password) : State.PasswordHash,
        };
        await account.WriteStateAsync();
        return Issue(session, refreshToken);
    }

    public async Task<IssuedSession> RefreshAsync(string refreshToken)
    {
        if (!IsActive)
        {
            throw InvalidRefreshToken();
        }

        var now = time.GetUtcNow();
        var hash = SecretToken.Hash(refreshToken);
        var session = State.Sessions.FirstOrDefault(s => s.RefreshTokenHash == hash);
        if (session is null)
        {
            // A rotated token coming back means two parties hold the session's tokens: end it for both.
            var replayed = State.Sessions.FirstOrDefault(s => s.RotatedTokenHashes.Contains(hash));
            if (replayed is not null)
            {
                _logger.LogWarning("A rotated refresh token of session {Session} of user {User} was presented again; the session is ended", replayed.Id, Id);
                account.State = State with { Sessions = [.. State.Sessions.Where(s => s.Id != replayed.Id)] };
                await account.WriteStateAsync();
            }

            throw InvalidRefreshToken();
        }

        if (session.ExpiresAt <= now)
        {
            throw InvalidRefreshToken();
        }

        var newToken = AccountToken.Create(Id, SecretToken.NewSecret());
        var rotated = session with
        {
            RefreshTokenHash = SecretToken.Hash(newToken),
            RotatedTokenHashes = [.. session.RotatedTokenHashes.TakeLast(RememberedRotations - 1), session.RefreshTokenHash],
            RefreshedAt = now,
            ExpiresAt = now + options.Value.RefreshTokenLifetime,
        };
        account.State = State with
        {
            Sessions = [.. LiveSessions(now).Select(s => s.Id == session.Id ? rotated : s)],
            RevokedAccessTokens = LiveRevocations(now),
        };
        await account.WriteStateAsync();
        return Issue(rotated, newToken);
    }

    public async Task SignOutAsync(string sessionId, string accessTokenId, DateTimeOffset accessTokenExpiresAt)
    {
        if (!IsActive)
        {
            return;
        }

        var now = time.GetUtcNow();
        var revocations = LiveRevocations(now);
        if (accessTokenExpiresAt > now && revocations.All(r => r.Id != accessTokenId))
        {
            revocations = [.. revocations, new RevokedAccessToken { Id = accessTokenId, ExpiresAt = accessTokenExpiresAt }];
        }

        account.State = State with
        {
            Sessions = [.. LiveSessions(now).Where(s => s.Id != sessionId)],
            RevokedAccessTokens = revocations,
        };
        await account.WriteStateAsync();
    }

    public Task<AccessTokenStatus> CheckAccessTokenAsync(string sessionId, string accessTokenId)
    {
        var now = time.GetUtcNow();
        var active = IsActive
            && State.Sessions.Any(s => s.Id == sessionId && s.ExpiresAt > now)
            && State.RevokedAccessTokens.All(r => r.Id != accessTokenId);
        return Task.FromResult(active ? new AccessTokenStatus { Active = true, Role = State.Role } : AccessTokenStatus.Revoked);
    }

    public async Task ChangePasswordAsync(string currentPassword, string newPassword, string keepSessionId)
    {
        EnsureActive();
        if (!PasswordHasher.Verify(currentPassword, State.PasswordHash))
        {
            throw new InvalidCurrentPasswordException("The current password is not correct.");
        }

        AccountRules.ValidatePassword(newPassword);
        var now = time.GetUtcNow();
        account.State = State with
        {
            PasswordHash = PasswordHasher.Hash(newPassword),
            PasswordChangedAt = now,
            UpdatedAt = now,
            PasswordReset = null,
            Sessions = [.. LiveSessions(now).Where(s => s.Id == keepSessionId)],
        };
        await account.WriteStateAsync();
    }

    public async Task RequestPasswordResetAsync()
    {
        if (!IsActive)
        {
            return;
        }

        var now = time.GetUtcNow();
        var token = AccountToken.Create(Id, SecretToken.NewSecret());
        var expiresAt = now + options.Value.PasswordResetTokenLifetime;
        account.State = State with { PasswordReset = new PasswordResetTicket { TokenHash = SecretToken.Hash(token), ExpiresAt = expiresAt } };
        await account.WriteStateAsync();

        // After the ticket is stored: a crash in between costs the user a second request, never a mail with a dead code.
        // The event id is the ticket's, so recording it twice records one mail.
        await outbox.RecordAsync(new MessageEvent
        {
            Id = "reset." + Convert.ToHexStringLower(System.Security.Cryptography.SHA256.HashData(System.Text.Encoding.UTF8.GetBytes(token)))[..32],
            Kind = MessageEventKinds.PasswordReset,
            OccurredAt = now,
            UserId = Id,
            Recipient = new MessageRecipient { Email = State.Email, Name = State.FirstName, Language = State.Language },
            Data = new Dictionary<string, string>
            {
                ["code"] = token,
                ["expiresAt"] = expiresAt.ToString("O", System.Globalization.CultureInfo.InvariantCulture),
            },
        }, CancellationToken.None);
    }

    public async Task ResetPasswordAsync(string resetToken, string newPassword)
    {
        var now = time.GetUtcNow();
        if (!IsActive
            || State.PasswordReset is not { } ticket
            || ticket.ExpiresAt <= now
            || !SecretToken.Matches(resetToken, ticket.TokenHash))
        {
            throw new InvalidResetTokenException("The password-reset token is not valid: it may have expired or been used already.");
        }

        AccountRules.ValidatePassword(newPassword);
        account.State = State with
        {
            PasswordHash = PasswordHasher.Hash(newPassword),
            PasswordChangedAt = now,
            UpdatedAt = now,
            PasswordReset = null,
            Sessions = [],
        };
        await account.WriteStateAsync();
    }

    public async Task<string> RotateCalendarTokenAsync()
    {
        EnsureActive();
        var token = AccountToken.Create(Id, SecretToken.NewSecret());
        account.State = State with { CalendarTokenHash = SecretToken.Hash(token), UpdatedAt = time.GetUtcNow() };
        await account.WriteStateAsync();
        return token;
    }

    public async Task RevokeCalendarTokenAsync()
    {
        EnsureActive();
        if (State.CalendarTokenHash is not null)
        {
            account.State = State with { CalendarTokenHash = null, UpdatedAt = time.GetUtcNow() };
            await account.WriteStateAsync();
        }
    }

    public Task<bool> CheckCalendarTokenAsync(string token) =>
        Task.FromResult(IsActive && State.CalendarTokenHash is { } hash && SecretToken.Matches(token, hash));

    public async Task<AccountProfile> SetRoleAsync(UserRole role)
    {
        EnsureActive();
        if (State.Role != role)
        {
            account.State = State with { Role = role, UpdatedAt = time.GetUtcNow() };
            await account.WriteStateAsync();
        }

        var profile = ToProfile();
        await UpdateDirectoryAsync(profile);
        return profile;
    }

    public async Task AnonymiseAsync()
    {
        if (!account.RecordExists)
        {
            throw NotFound();
        }

        if (State.Anonymised)
        {
            return;
        }

        var emailKey = AccountEmail.IndexKey(State.Email);
        var now = time.GetUtcNow();
        account.State = new UserAccountState
        {
            Id = Id,
            Role = State.Role,
            CreatedAt = State.CreatedAt,
            UpdatedAt = now,
            PasswordChangedAt = State.PasswordChangedAt,
            Anonymised = true,
            AnonymisedAt = now,
        };
        await account.WriteStateAsync();

        // The account no longer answers to anything; the rest is tidying up. If it is interrupted the email index
        // still frees the address, because it checks that its owner is active before refusing a registration.
        await GrainFactory.GetGrain<IEmailIndexGrain>(emailKey).ReleaseAsync(Id);
        await outbox.ForgetUserAsync(Id, CancellationToken.None);
        await GrainFactory.GetGrain<IUserDirectoryGrain>(IUserDirectoryGrain.Key).RemoveAsync(Id);
    }

    public async Task<AccountExport> ExportAsync()
    {
        EnsureActive();
        var now = time.GetUtcNow();
        var mail = await outbox.ListMailAsync(new MailFilter { UserId = Id }, 1, 100, CancellationToken.None);
        return new AccountExport
        {
            ExportedAt = now,
            Profile = ToProfile(),
            PasswordChangedAt = State.PasswordChangedAt,
            Sessions = [.. LiveSessions(now).Select(s => new SessionSummary { Id = s.Id, CreatedAt = s.CreatedAt, RefreshedAt = s.RefreshedAt, ExpiresAt = s.ExpiresAt })],
            Mail = [.. mail.Items.Select(m => new OutgoingMail
            {
                Id = m.Id,
                Kind = m.Kind,
                To = m.Content?.To ?? "",
                Subject = m.Content?.Subject ?? "",
                Body = m.Content?.Text ?? "",
                CreatedAt = m.CreatedAt,
                Status = m.Status,
                SentAt = m.SentAt,
            })],
        };
    }

    private void EnsureActive()
    {
        if (!IsActive)
        {
            throw NotFound();
        }
    }

    private AccountNotFoundException NotFound() => new($"No account with id {Id}.");

    private static InvalidCredentialsException InvalidCredentials() => new("The email address or password is not correct.");

    private static InvalidRefreshTokenException InvalidRefreshToken() => new("The refresh token is not valid: it may have expired, been used already or been revoked.");

    private IEnumerable<AccountSession> LiveSessions(DateTimeOffset now) => State.Sessions.Where(s => s.ExpiresAt > now);

    private IReadOnlyList<RevokedAccessToken> LiveRevocations(DateTimeOffset now) => [.. State.RevokedAccessTokens.Where(r => r.ExpiresAt > now)];

    private IssuedSession Issue(AccountSession session, string refreshToken) => new()
    {
        UserId = Id,
        Email = State.Email,
        Role = State.Role,
        SessionId = session.Id,
        RefreshToken = refreshToken,
        RefreshTokenExpiresAt = session.ExpiresAt,
    };

    private AccountProfile ToProfile() => new()
    {
        Id = Id,
        Email = State.Email,
        FirstName = State.FirstName,
        LastName = State.LastName,
        Phone = State.Phone,
        Role = State.Role,
        Language = State.Language,
        CreatedAt = State.CreatedAt,
        UpdatedAt = State.UpdatedAt,
    };

    // The directory is a secondary list for administrators: the account is already stored when this runs, so a failure
    // here is logged rather than failing a registration that has in fact succeeded. The next profile or role change repairs it.
    private async Task UpdateDirectoryAsync(AccountProfile profile)
    {
        try
        {
            await GrainFactory.GetGrain<IUserDirectoryGrain>(IUserDirectoryGrain.Key).UpsertAsync(UserDirectoryEntry.From(profile));
        }
        catch (Exception exception) when (exception is not DomainException)
        {
            _logger.LogWarning(exception, "The user directory could not be updated for user {User}", Id);
        }
    }
}
