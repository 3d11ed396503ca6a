namespace Booking.Web.Auth;

/// <summary>Loads the signing key once the silo has started (it is registered after the silo's hosted service) and before requests arrive.</summary>
internal sealed class SigningKeyLoader(SigningKeyProvider keys) : IHostedService
{
    public Task StartAsync(CancellationToken cancellationToken) => keys.LoadAsync(cancellationToken);

    public Task StopAsync(CancellationToken cancellationToken) => Task.CompletedTask;
}
