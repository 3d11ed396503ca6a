namespace Booking.Grains.Interfaces.Live;

/// <summary>How long live subscriptions last without renewal; hosts renew well within it.</summary>
public static class LiveTopics
{
    /// <summary>A subscription not renewed for this long is dropped by its source.</summary>
    public static readonly TimeSpan SubscriptionLifetime = TimeSpan.FromMinutes(2);

    /// <summary>How often a host renews each of its subscriptions.</summary>
    public static readonly TimeSpan RenewInterval = TimeSpan.FromSeconds(30);
}
