using Orleans.Configuration;

namespace Booking.Silo.Hosting;

/// <summary>
/// Failure detection and failover settings of a cluster on PostgreSQL membership (silos and API clients), chosen so that a
/// silo killed without warning is declared dead, and its grains answer again from another silo, well within 30 seconds,
/// without declaring a merely busy silo dead on a 2-core machine. README ("Running a cluster") gives the measured times.
/// </summary>
public static class BookingClusterTuning
{
    /// <summary>
    /// How long a grain call may go unanswered before it fails (silo to silo and client to silo): the API then answers 503
    /// <c>unavailable</c> with Retry-After. Orleans' default, stated because the API's timeout mapping relies on it.
    /// </summary>
    public static readonly TimeSpan ResponseTimeout = TimeSpan.FromSeconds(30);

    /// <summary>
    /// How often an API client reads the gateways from the membership table. A silo that joins takes client traffic within
    /// this period, and one that died stops being tried (a client already drops a gateway whose connection breaks).
    /// Orleans' default is one minute; one cheap query per client every 5 seconds is nothing for PostgreSQL.
    /// </summary>
    public static readonly TimeSpan GatewayListRefreshPeriod = TimeSpan.FromSeconds(5);

    /// <summary>
    /// Membership probes between silos. Orleans probes each other silo about once per probe timeout (adapted between half
    /// and four times it from the measured round trips, and stretched while this silo's own health is degraded), suspects a
    /// silo after <see cref="ClusterMembershipOptions.NumMissedProbesLimit"/> missed probes in a row, and declares it dead
    /// once enough silos voted: two, or one when only one or two silos are active. A SIGKILLed silo refuses connections at
    /// once, so its probes fail as soon as they are sent: 3 probes at 1–2 s apart put the verdict about 3–6 s after the
    /// kill (measured: README), against 7–15 s with Orleans' 5-second default. Lower would risk declaring a silo dead
    /// during a GC pause or while it waits for a core on a small machine (a silo declared dead stops itself). The table is
    /// read every 10 s instead of 60 s, so a silo that missed the gossip about a death or a join learns it soon anyway.
    /// </summary>
    public static void Membership(ClusterMembershipOptions options)
    {
        ArgumentNullException.ThrowIfNull(options);
        options.ProbeTimeout = TimeSpan.FromSeconds(2);
        options.NumMissedProbesLimit = 3;
        options.NumVotesForDeathDeclaration = 2;
        options.TableRefreshTimeout = TimeSpan.FromSeconds(10);
    }
}
