using Booking.Grains.Interfaces.Accounts;
using Booking.Grains.Interfaces.Errors;
using Booking.Web.Cluster;
using Microsoft.Extensions.Options;

namespace Booking.Web.Auth;

/// <summary>
/// Creates the configured first admin at start-up if no account has that email. An existing account with that email is
/// left as it is, even when it is not an admin: whoever registered it chose its password, so promoting it would hand
/// admin rights to them.
/// </summary>
internal sealed class AdminBootstrapService(IOptions<AdminOptions> options, IGrainFactory grains, ClusterStartup cluster, ILogger<AdminBootstrapService> logger)
    : IHostedService
{
    public async Task StartAsync(CancellationToken cancellationToken)
    {
        var admin = options.Value;
        if (string.IsNullOrWhiteSpace(admin.Email) && string.IsNullOrEmpty(admin.Password))
        {
            logger.LogInformation("No first admin configured (Booking:Admin:Email, Booking:Admin:Password)");
            return;
        }

        if (!AccountEmail.IsValid(admin.Email) || PasswordPolicy.Check(admin.Password) is not null)
        {
            throw new InvalidOperationException(
                $"Booking:Admin needs a valid Email and a Password of {PasswordPolicy.MinLength} to {PasswordPolicy.MaxLength} characters.");
        }

        await cluster.WhenGrainsReachableAsync(cancellationToken);

        var index = grains.GetGrain<IEmailIndexGrain>(AccountEmail.IndexKey(admin.Email));
        if (await index.GetUserIdAsync().WaitAsync(cancellationToken) is { } userId
            && await grains.GetGrain<IUserAccountGrain>(userId).IsActiveAsync().WaitAsync(cancellationToken))
        {
            var profile = await grains.GetGrain<IUserAccountGrain>(userId).GetProfileAsync().WaitAsync(cancellationToken);
            if (profile.Role != UserRole.Admin)
            {
                logger.LogWarning("The configured admin email belongs to an existing {Role} account, which is not promoted", profile.Role);
            }

            return;
        }

        try
        {
            var created = await index.RegisterAsync(new NewAccount
            {
                UserId = UserId.New(),
                Email = admin.Email.Trim(),
                Password = admin.Password!,
                FirstName = admin.FirstName,
                LastName = admin.LastName,
                Role = UserRole.Admin,
            }).WaitAsync(cancellationToken);
            logger.LogInformation("Created the first admin account {User}", created.Id);
        }
        catch (EmailTakenException)
        {
            // Another instance created it at the same moment.
        }
    }

    public Task StopAsync(CancellationToken cancellationToken) => Task.CompletedTask;
}
