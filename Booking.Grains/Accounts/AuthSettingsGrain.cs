using System.Security.Cryptography;
using Booking.Grains.Interfaces.Accounts;

namespace Booking.Grains.Accounts;

/// <summary>Authentication settings kept in storage; see <see cref="IAuthSettingsGrain"/>.</summary>
[GrainType("auth-settings")]
internal sealed class AuthSettingsGrain(
    [PersistentState("authSettings")] IPersistentState<AuthSettingsState> settings,
    TimeProvider time)
    : Grain, IAuthSettingsGrain
{
    public async Task<string> GetOrCreateSigningKeyAsync()
    {
        if (settings.State.SigningKey is { } key)
        {
            return key;
        }

        // A first write is insert-if-absent: should two activations race, one write fails and its caller retries.
        settings.State = new AuthSettingsState
        {
            SigningKey = Convert.ToBase64String(RandomNumberGenerator.GetBytes(64)),
            CreatedAt = time.GetUtcNow(),
        };
        await settings.WriteStateAsync();
        return settings.State.SigningKey;
    }
}
