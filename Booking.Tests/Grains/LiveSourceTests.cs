using System.Threading.Channels;
using Booking.Grains.Interfaces;
using Booking.Grains.Interfaces.Live;
using Booking.Grains.Interfaces.Model;
using Booking.Grains.Interfaces.Notifications;
using static Booking.Tests.Grains.BookingCluster;

namespace Booking.Tests.Grains;

/// <summary>
/// The grains that pages watch live: what their subscribers hear, and that a page reading the state because of an event
/// sees the change. The cluster's clock is frozen, so the site-day's periodic full re-read never helps.
/// </summary>
public sealed class LiveSourceTests : IAsyncLifetime
{
    private static readonly TimeSpan Patience = TimeSpan.FromSeconds(10);
    private readonly BookingCluster _cluster = new();

    public Task InitializeAsync() => _cluster.InitializeAsync();

    public Task DisposeAsync() => _cluster.DisposeAsync();

    [Fact]
    public async Task A_slot_booked_directly_is_announced_by_its_site_day_and_shows_taken_there_at_once()
    {
        var site = await CreateSiteAsync(slots: 3);
        var siteDay = _cluster.Client.GetGrain<ISiteDayGrain>(GrainKeys.SiteDay(site.Id, Tuesday));
        Assert.All(await siteDay.GetSlotStatusAsync("morning"), s => Assert.True(s.Free));
        var observer = new RecordingObserver();
        var reference = _cluster.Client.CreateObjectReference<ILiveObserver>(observer);

        Assert.True(await siteDay.SubscribeAsync(reference));
        Assert.False(await siteDay.SubscribeAsync(reference));
        var slot = site.Slots[1];
        var booked = await _cluster.Day(slot.ResourceId, Tuesday).BookAsync(new BookRequest { UserId = "emma", ResourceId = slot.ResourceId, Date = Tuesday, Period = "morning" });

        Assert.True(booked.IsSuccess, booked.Error?.Message);
        var announced = await observer.NextAsync();
        Assert.Equal((LiveEventKinds.Slots, site.Id, slot.ResourceId, Tuesday), (announced.Kind, announced.SiteId, announced.ResourceId, announced.Date));
        var status = await siteDay.GetSlotStatusAsync("morning");
        Assert.False(status.Single(s => s.ResourceId == slot.ResourceId).Free);
        Assert.Equal(2, status.Count(s => s.Free));

        await _cluster.Day(slot.ResourceId, Tuesday).CancelAsync(new CancelRequest { BookingId = booked.Booking!.Id, ByUserId = "emma" });
        Assert.Equal(slot.ResourceId, (await observer.NextAsync()).ResourceId);
        Assert.All(await siteDay.GetSlotStatusAsync("morning"), s => Assert.True(s.Free));

        // Another subscriber hearing the next event shows the first one would have heard it by now, had it stayed.
        var witness = new RecordingObserver();
        var witnessReference = _cluster.Client.CreateObjectReference<ILiveObserver>(witness);
        await siteDay.SubscribeAsync(witnessReference);
        await siteDay.UnsubscribeAsync(reference);
        await siteDay.BookAnyAsync("farid", "afternoon");
        await witness.NextAsync();
        Assert.False(observer.TryNext(out _));
        _cluster.Client.DeleteObjectReference<ILiveObserver>(reference);
        _cluster.Client.DeleteObjectReference<ILiveObserver>(witnessReference);
    }

    [Fact]
    public async Task An_inbox_announces_a_notification_once_it_is_stored_and_the_unread_count_when_it_is_read()
    {
        var inbox = _cluster.Client.GetGrain<INotificationInboxGrain>(Guid.NewGuid().ToString("N"));
        var observer = new RecordingObserver();
        var reference = _cluster.Client.CreateObjectReference<ILiveObserver>(observer);
        await inbox.SubscribeAsync(reference);

        var added = await inbox.AddAsync(new NewNotification { Kind = NotificationKinds.BookingCreated, Title = "New booking", Message = "Ada, 2027-01-05 10:00-11:00" });
        var announced = await observer.NextAsync();
        Assert.Equal((LiveEventKinds.Notification, added.Id, 1), (announced.Kind, announced.Notification?.Id, announced.Unread));
        Assert.Equal(added.Id, (await inbox.ListAsync(1, 10, unreadOnly: true)).Items.Single().Id);

        await inbox.MarkReadAsync(added.Id);
        var read = await observer.NextAsync();
        Assert.Equal((LiveEventKinds.Unread, 0), (read.Kind, read.Unread));
        Assert.Null(read.Notification);
        _cluster.Client.DeleteObjectReference<ILiveObserver>(reference);
    }

    [Fact]
    public async Task A_subscription_not_renewed_lapses()
    {
        var inbox = _cluster.Client.GetGrain<INotificationInboxGrain>(Guid.NewGuid().ToString("N"));
        var observer = new RecordingObserver();
        var reference = _cluster.Client.CreateObjectReference<ILiveObserver>(observer);
        await inbox.SubscribeAsync(reference);

        _cluster.Time.Advance(LiveTopics.SubscriptionLifetime + TimeSpan.FromSeconds(1));
        var witness = new RecordingObserver();
        var witnessReference = _cluster.Client.CreateObjectReference<ILiveObserver>(witness);
        await inbox.SubscribeAsync(witnessReference);
        await inbox.AddAsync(new NewNotification { Kind = NotificationKinds.Broadcast, Title = "t", Message = "m" });
        await witness.NextAsync();

        Assert.False(observer.TryNext(out _));
        _cluster.Client.DeleteObjectReference<ILiveObserver>(witnessReference);
        Assert.True(await inbox.SubscribeAsync(reference), "A lapsed subscriber is told it may have missed events.");
        _cluster.Client.DeleteObjectReference<ILiveObserver>(reference);
    }

    private async Task<SiteDefinition> CreateSiteAsync(int slots)
    {
        var outcome = await _cluster.Client.GetGrain<ISiteGrain>(NewId("site")).CreateAsync(new CreateSiteRequest { Name = "HQ", SlotCount = slots, TimeZone = Paris });
        Assert.True(outcome.IsSuccess, outcome.Error?.Message);
        return outcome.Site;
    }

    private sealed class RecordingObserver : ILiveObserver
    {
        private readonly Channel<LiveEvent> _events = Channel.CreateUnbounded<LiveEvent>();

        public Task OnLiveEventAsync(LiveEvent liveEvent)
        {
            _events.Writer.TryWrite(liveEvent);
            return Task.CompletedTask;
        }

        public async Task<LiveEvent> NextAsync()
        {
            using var timeout = new CancellationTokenSource(Patience);
            return await _events.Reader.ReadAsync(timeout.Token);
        }

        public bool TryNext(out LiveEvent? liveEvent) => _events.Reader.TryRead(out liveEvent);
    }
}
