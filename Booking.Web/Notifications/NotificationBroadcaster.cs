using Booking.Grains.Interfaces;
using Booking.Grains.Interfaces.Accounts;
using Booking.Grains.Interfaces.Model;
using Booking.Grains.Interfaces.Notifications;
using Booking.Grains.Queries;

namespace Booking.Web.Notifications;

/// <summary>
/// Sends one notification to many inboxes: every account, or (with a site) everyone holding an active booking on one of
/// the site's places from today on. Shared by <c>/api/v1/notifications/broadcast</c> and the seed applications' routes.
/// </summary>
internal sealed class NotificationBroadcaster(IGrainFactory grains, IBookingQuery bookings, TimeProvider time)
{
    private const int PageSize = 100;

    // How far ahead a site broadcast looks for people with bookings there.
    private static readonly int SiteHorizonDays = 31;

    /// <summary>Delivers to every recipient; returns how many inboxes received it, or null when the site does not exist.</summary>
    public async Task<int?> BroadcastAsync(string? siteId, string title, string message, CancellationToken cancellationToken)
    {
        IReadOnlyCollection<string> recipients;
        if (siteId is null)
        {
            recipients = await AllUsersAsync(cancellationToken);
        }
        else
        {
            var site = await grains.GetGrain<ISiteGrain>(siteId).GetAsync().WaitAsync(cancellationToken);
            if (site is null)
            {
                return null;
            }

            recipients = await SiteUsersAsync(site, cancellationToken);
        }

        var notice = new NewNotification { Kind = NotificationKinds.Broadcast, Title = title, Message = message, SiteId = siteId };
        await Task.WhenAll(recipients.Select(id => grains.GetGrain<INotificationInboxGrain>(id).AddAsync(notice))).WaitAsync(cancellationToken);
        return recipients.Count;
    }

    private async Task<IReadOnlyCollection<string>> AllUsersAsync(CancellationToken cancellationToken)
    {
        var directory = grains.GetGrain<IUserDirectoryGrain>(IUserDirectoryGrain.Key);
        var ids = new List<string>();
        for (var page = 1; ; page++)
        {
            var batch = await directory.ListAsync(page, PageSize).WaitAsync(cancellationToken);
            ids.AddRange(batch.Items.Select(u => u.Id));
            if (page * PageSize >= batch.Total || batch.Items.Count == 0)
            {
                return ids;
            }
        }
    }

    private async Task<IReadOnlyCollection<string>> SiteUsersAsync(SiteDefinition site, CancellationToken cancellationToken)
    {
        var today = DateOnly.FromDateTime(TimeZoneInfo.ConvertTime(time.GetUtcNow(), TimeZoneInfo.FindSystemTimeZoneById(site.TimeZone)).DateTime);
        var filter = new BookingFilter
        {
            ResourceIds = [.. site.Slots.Select(s => s.ResourceId)],
            Statuses = [BookingStatus.Pending, BookingStatus.Confirmed],
            From = today,
            To = today.AddDays(SiteHorizonDays),
        };
        var users = new HashSet<string>(StringComparer.Ordinal);
        for (var page = 1; ; page++)
        {
            var batch = await bookings.SearchBookingsAsync(filter, page, PageSize, cancellationToken);
            users.UnionWith(batch.Items.Select(b => b.UserId));
            if (page * (long)PageSize >= batch.Total || batch.Items.Count == 0)
            {
                return users;
            }
        }
    }
}
