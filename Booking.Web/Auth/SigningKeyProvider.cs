using System.Text;
using Booking.Grains.Interfaces.Accounts;
using Microsoft.Extensions.Options;
using Microsoft.IdentityModel.Tokens;
using Orleans.Storage;

namespace Booking.Web.Auth;

/// <summary>
/// The HS256 key that signs and validates access tokens: <c>Booking:Jwt:SigningKey</c> when set, otherwise the key kept in
/// <see cref="IAuthSettingsGrain"/> so every instance and every restart uses the same one. Loaded once at start-up.
/// </summary>
internal sealed class SigningKeyProvider(IOptions<JwtOptions> options, IGrainFactory grains, ILogger<SigningKeyProvider> logger)
{
    public const int MinKeyBytes = 32;

    private SecurityKey? _key;

    public SecurityKey Key => _key ?? throw new InvalidOperationException("The token-signing key is not loaded: the host has not finished starting.");

    public async Task LoadAsync(CancellationToken cancellationToken)
    {
        if (options.Value.SigningKey is { Length: > 0 } configured)
        {
            var bytes = Encoding.UTF8.GetBytes(configured);
            if (bytes.Length < MinKeyBytes)
            {
                throw new InvalidOperationException($"Booking:Jwt:SigningKey must be at least {MinKeyBytes} bytes (256 bits) long for HS256.");
            }

            _key = new SymmetricSecurityKey(bytes);
            return;
        }

        _key = new SymmetricSecurityKey(Convert.FromBase64String(await LoadStoredKeyAsync(cancellationToken)));
        logger.LogInformation("No Booking:Jwt:SigningKey configured: using the signing key kept in the data store");
    }

    private async Task<string> LoadStoredKeyAsync(CancellationToken cancellationToken)
    {
        var settings = grains.GetGrain<IAuthSettingsGrain>(IAuthSettingsGrain.Key);
        try
        {
            return await settings.GetOrCreateSigningKeyAsync().WaitAsync(cancellationToken);
        }
        catch (InconsistentStateException)
        {
            // Another instance stored its key first; the retry reads that one.
            return await settings.GetOrCreateSigningKeyAsync().WaitAsync(cancellationToken);
        }
    }
}
