using Booking.Grains.Interfaces;
using Booking.Grains.Interfaces.Live;
using Booking.Grains.Interfaces.Notifications;

namespace Booking.Web.Live;

/// <summary>Something pages can watch: a key (shared by every page of this host watching it) and the grain that publishes it.</summary>
internal sealed record LiveTopic(string Key, Func<IGrainFactory, ILiveSource> Source)
{
    /// <summary>A user's notification inbox.</summary>
    public static LiveTopic Inbox(string userId) =>
        new($"inbox/{userId}", grains => grains.GetGrain<INotificationInboxGrain>(userId));

    /// <summary>A parking site's slots on one local date.</summary>
    public static LiveTopic SiteDay(string siteId, DateOnly date)
    {
        var key = GrainKeys.SiteDay(siteId, date);
        return new($"site-day/{key}", grains => grains.GetGrain<ISiteDayGrain>(key));
    }
}
