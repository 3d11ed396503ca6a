using System.Security.Cryptography;
using Booking.Grains.Interfaces;
using Booking.Grains.Interfaces.Accounts;
using Booking.Grains.Interfaces.Errors;
using Booking.Grains.Interfaces.Model;
using Booking.Grains.Queries;
using Booking.Silo.Hosting;
using Booking.Web.Auth;
using Booking.Web.Cluster;
using Microsoft.Extensions.Options;

namespace Booking.Web.Demo;

/// <summary>
/// Seeds <see cref="DemoData"/> into an empty database at start-up, so a first <c>dotnet run</c> shows a working system: an
/// admin (the configured one, else a generated one), a provider owning a 20-slot car park and a salon service, a mentor
/// with weekday availability, and a member. Generated passwords are logged once, when their account is created; a
/// configured admin's password never is. Every step looks up what it would create first, so a second start (or one after
/// a start that stopped half-way) adds nothing twice. A database that already holds other accounts or any booking is
/// left alone.
/// </summary>
internal sealed class DemoDataSeeder(
    IOptions<DemoOptions> demo,
    IOptions<AdminOptions> admin,
    BookingStorageOptions storage,
    IGrainFactory grains,
    IBookingQuery bookings,
    ClusterStartup cluster,
    DemoAccounts accounts,
    ILogger<DemoDataSeeder> logger) : IHostedService
{
    private const string PasswordAlphabet = "abcdefghijkmnpqrstuvwxyzABCDEFGHJKLMNPQRSTUVWXYZ23456789";

    public async Task StartAsync(CancellationToken cancellationToken)
    {
        if (!demo.Value.IsEnabledFor(storage.Provider))
        {
            return;
        }

        await cluster.WhenGrainsReachableAsync(cancellationToken);

        // The provider account is created first, so it marks a database the demo has started on.
        var started = await grains.GetGrain<IEmailIndexGrain>(AccountEmail.IndexKey(DemoData.ProviderEmail)).GetUserIdAsync().WaitAsync(cancellationToken) is not null;
        if (!started && !await IsEmptyAsync(cancellationToken))
        {
            logger.LogInformation("No demo data: the database already holds accounts or bookings");
            return;
        }

        var (providerId, providerPassword) = await EnsureAccountAsync(DemoData.ProviderEmail, "Paula", "Provider", UserRole.Provider, cancellationToken);
        string? adminPassword = null;
        if (string.IsNullOrWhiteSpace(admin.Value.Email))
        {
            (_, adminPassword) = await EnsureAccountAsync(DemoData.AdminEmail, "Demo", "Administrator", UserRole.Admin, cancellationToken);
        }

        var (mentorId, mentorPassword) = await EnsureAccountAsync(DemoData.MentorEmail, "Ada", "Mentor", UserRole.Provider, cancellationToken);
        var (_, memberPassword) = await EnsureAccountAsync(DemoData.MemberEmail, "Max", "Member", UserRole.Member, cancellationToken);

        // In the order a newcomer tries them; the configured admin's password is never shown.
        accounts.Add(new DemoAccount("member", DemoData.MemberEmail, memberPassword, "books parking, the salon and the mentor"));
        accounts.Add(new DemoAccount("mentor", DemoData.MentorEmail, mentorPassword, "Ada the mentor: schedule, bookings, live notifications"));
        accounts.Add(new DemoAccount("provider", DemoData.ProviderEmail, providerPassword, "owns the car park and the salon"));
        accounts.Add(string.IsNullOrWhiteSpace(admin.Value.Email)
            ? new DemoAccount("admin", DemoData.AdminEmail, adminPassword, "users, sites, broadcasts, stats")
            : new DemoAccount("admin", admin.Value.Email, null, "the configured admin (Booking__Admin__Password)"));

        var site = await grains.GetGrain<ISiteGrain>(DemoData.SiteId).CreateAsync(DemoData.Site(providerId)).WaitAsync(cancellationToken);
        EnsureCreated(site.Error, DemoData.SiteId);
        foreach (var resource in new[] { DemoData.Mentor(mentorId), DemoData.Salon(providerId) })
        {
            var outcome = await grains.GetGrain<IResourceGrain>(resource.Id).CreateAsync(resource).WaitAsync(cancellationToken);
            EnsureCreated(outcome.Error, resource.Id);
        }

        logger.LogInformation(
            "Demo data ready: parking site {SiteId} (20 slots), mentor {MentorId}, salon {SalonId}; set Booking__Demo__Enabled=false to start without it",
            DemoData.SiteId, DemoData.MentorId, DemoData.SalonId);
    }

    public Task StopAsync(CancellationToken cancellationToken) => Task.CompletedTask;

    /// <summary>No account but the configured admin (whom the bootstrap has just created), and no booking.</summary>
    private async Task<bool> IsEmptyAsync(CancellationToken cancellationToken)
    {
        var accounts = await grains.GetGrain<IUserDirectoryGrain>(IUserDirectoryGrain.Key).ListAsync(1, 2).WaitAsync(cancellationToken);
        var configuredAdmin = admin.Value.Email is { } email ? AccountEmail.Normalize(email) : null;
        var onlyTheAdmin = accounts.Total == 0
            || (accounts.Total == 1 && AccountEmail.Normalize(accounts.Items[0].Email) == configuredAdmin);
        return onlyTheAdmin && (await bookings.SearchBookingsAsync(new BookingFilter(), 1, 1, cancellationToken)).Total == 0;
    }

    /// <summary>The account's id, and its password when this call created it.</summary>
    private async Task<(string Id, string? Password)> EnsureAccountAsync(string email, string firstName, string lastName, UserRole role, CancellationToken cancellationToken)
    {
        var index = grains.GetGrain<IEmailIndexGrain>(AccountEmail.IndexKey(email));
        if (await index.GetUserIdAsync().WaitAsync(cancellationToken) is { } existing)
        {
            return (existing, null);
        }

        var password = RandomNumberGenerator.GetString(PasswordAlphabet, 16);
        try
        {
            var created = await index.RegisterAsync(new NewAccount
            {
                UserId = UserId.New(),
                Email = email,
                Password = password,
                FirstName = firstName,
                LastName = lastName,
                Role = role,
            }).WaitAsync(cancellationToken);

            // Generated for the demo and shown only now: this is how whoever started the service learns it.
            logger.LogWarning("Demo {Role} account created: {Email} with password {Password}", UserRoles.Name(role), email, password);
            return (created.Id, password);
        }
        catch (EmailTakenException)
        {
            // Another instance created it at the same moment, and logged its password.
            return (await index.GetUserIdAsync().WaitAsync(cancellationToken)
                ?? throw new InvalidOperationException($"The demo account {email} was taken and then released during start-up."), null);
        }
    }

    private static void EnsureCreated(BookingError? error, string id)
    {
        if (error is not null && error.Code != BookingErrorCodes.AlreadyExists)
        {
            throw new InvalidOperationException($"Could not create demo resource {id}: {error.Code} {error.Message}");
        }
    }
}
