
namespace Booking.Grains.Interfaces.Accounts;

/// <summary>Cluster-wide authentication settings kept in grain state (a single grain, key <see cref="Key"/>).</summary>
[Alias("booking.IAuthSettingsGrain")]
public interface IAuthSettingsGrain : IGrainWithStringKey
{
    /// <summary>The key of the one settings grain.</summary>
    const string Key = "default";

    /// <summary>The token-signing key (512 random bits, base64), generated and persisted on first use, the same for every silo afterwards.</summary>
    Task<string> GetOrCreateSigningKeyAsync();
}
