using Booking.Grains.Interfaces.Accounts;
using Booking.Grains.Interfaces.Errors;
using Booking.Tests.Support;
using Orleans.TestingHost;

namespace Booking.Tests.Grains.Accounts;

/// <summary>The account grains on a two-silo cluster, where calls and exceptions cross silos as over a network.</summary>
public sealed class AccountGrainClusterTests : IAsyncLifetime
{
    // A call cycle between account and index grains would end in the call timeout (30 s) rather than hang.
    private readonly InProcessTestCluster _cluster = TestClusters.Build(2, TestClusters.Memory());

    public Task InitializeAsync() => _cluster.DeployAsync();

    public async Task DisposeAsync() => await _cluster.DisposeAsync();

    [Fact]
    public async Task Of_concurrent_registrations_of_one_email_exactly_one_succeeds_and_the_others_get_email_taken()
    {
        var email = $"race-{Guid.NewGuid():N}@example.com";

        var attempts = await Task.WhenAll(Enumerable.Range(0, 6).Select(async i =>
        {
            try
            {
                return (Profile: await Index(email).RegisterAsync(Account(email, $"password-{i}")), Error: (Exception?)null);
            }
            catch (Exception exception)
            {
                return (Profile: (AccountProfile?)null, Error: exception);
            }
        }));

        var winner = Assert.Single(attempts, a => a.Profile is not null).Profile!;
        Assert.All(attempts.Where(a => a.Profile is null), a => Assert.IsType<EmailTakenException>(a.Error));
        Assert.Equal(winner.Id, await Index(email).GetUserIdAsync());
    }

    [Fact]
    public async Task Anonymising_while_the_email_is_registered_again_ends_without_a_deadlock()
    {
        var email = $"again-{Guid.NewGuid():N}@example.com";
        var first = await Index(email).RegisterAsync(Account(email, "first-password"));

        var anonymise = _cluster.Client.GetGrain<IUserAccountGrain>(first.Id).AnonymiseAsync();
        var register = RegisterOrNullAsync(email, "second-password");
        await anonymise;
        var second = await register ?? await Index(email).RegisterAsync(Account(email, "second-password"));

        Assert.NotEqual(first.Id, second.Id);
        Assert.False(await _cluster.Client.GetGrain<IUserAccountGrain>(first.Id).IsActiveAsync());
        var session = await Index(email).SignInAsync("second-password");
        Assert.Equal(second.Id, session.UserId);
        await Assert.ThrowsAsync<InvalidCredentialsException>(() => Index(email).SignInAsync("first-password"));
    }

    [Fact]
    public async Task An_unknown_email_and_a_wrong_password_fail_alike()
    {
        var email = $"known-{Guid.NewGuid():N}@example.com";
        await Index(email).RegisterAsync(Account(email, "right-password"));

        var wrong = await Assert.ThrowsAsync<InvalidCredentialsException>(() => Index(email).SignInAsync("wrong-password"));
        var unknown = await Assert.ThrowsAsync<InvalidCredentialsException>(() => Index($"nobody-{Guid.NewGuid():N}@example.com").SignInAsync("right-password"));

        Assert.Equal(wrong.Message, unknown.Message);
    }

    private IEmailIndexGrain Index(string email) => _cluster.Client.GetGrain<IEmailIndexGrain>(AccountEmail.IndexKey(email));

    private async Task<AccountProfile?> RegisterOrNullAsync(string email, string password)
    {
        try
        {
            return await Index(email).RegisterAsync(Account(email, password));
        }
        catch (EmailTakenException)
        {
            // The registration ran before the anonymisation had stored its change.
            return null;
        }
    }

    private static NewAccount Account(string email, string password) => new()
    {
        UserId = UserId.New(),
        Email = email,
        Password = password,
        FirstName = "Ada",
        LastName = "Lovelace",
    };
}
