using Booking.Grains.Interfaces.Notifications;

namespace Booking.Tests.Grains;

public sealed class NotificationInboxGrainTests : IAsyncLifetime
{
    private readonly BookingCluster _cluster = new();

    public Task InitializeAsync() => _cluster.InitializeAsync();

    public Task DisposeAsync() => _cluster.DisposeAsync();

    [Fact]
    public async Task A_burst_of_concurrent_notifications_is_stored_whole_without_write_conflicts()
    {
        var inbox = _cluster.Client.GetGrain<INotificationInboxGrain>(Guid.NewGuid().ToString("N"));

        await Task.WhenAll(Enumerable.Range(0, 150).Select(i => inbox.AddAsync(new NewNotification
        {
            Kind = NotificationKinds.BookingCreated,
            Title = "Booking confirmed",
            Message = $"#{i}",
        })));

        var page = await inbox.ListAsync(1, 100, unreadOnly: false);
        Assert.Equal(150, page.Total);
        Assert.Equal(150, page.Unread);
        var all = page.Items.Concat((await inbox.ListAsync(2, 100, unreadOnly: false)).Items).Select(n => n.Message);
        Assert.Equal(Enumerable.Range(0, 150).Select(i => $"#{i}").Order(), all.Order());
    }

    [Fact]
    public async Task An_inbox_keeps_only_its_most_recent_notifications()
    {
        var inbox = _cluster.Client.GetGrain<INotificationInboxGrain>(Guid.NewGuid().ToString("N"));
        for (var i = 0; i < 205; i++)
        {
            await inbox.AddAsync(new NewNotification { Kind = NotificationKinds.Broadcast, Title = "t", Message = $"#{i}" });
        }

        var newest = await inbox.ListAsync(1, 1, unreadOnly: false);
        Assert.Equal(200, newest.Total);
        Assert.Equal("#204", newest.Items[0].Message);
    }
}
