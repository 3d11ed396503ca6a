namespace Booking.Bench.Targets;

/// <summary>The seed shared by the baselines that use <c>people</c> and <c>resources</c>: ids 1..$1 and 1..$2.</summary>
internal static class SqlBaselineSeed
{
    public static readonly IReadOnlyList<string> PeopleAndResources =
    [
        "INSERT INTO people (id, email) SELECT i, 'person' || i || '@example.com' FROM generate_series(1, $1) i",
        "INSERT INTO resources (id, name) SELECT i, 'resource ' || i FROM generate_series(1, $2) i",
    ];
}
