using Booking.Silo.Reminders;

namespace Booking.Tests.Storage;

/// <summary>The embedded default's reminder table keeps Orleans' <see cref="IReminderTable"/> contract on a real SQLite file.</summary>
public sealed class SqliteReminderTableTests : IAsyncLifetime
{
    private SqliteTestDatabase _database = null!;
    private SqliteReminderTable _reminders = null!;

    public async Task InitializeAsync()
    {
        _database = await SqliteTestDatabase.CreateAsync();
        _reminders = new SqliteReminderTable(_database.Options());
        await _reminders.StartAsync();
    }

    public async Task DisposeAsync() => await _database.DisposeAsync();

    [Fact]
    public async Task A_reminder_is_upserted_read_and_removed_only_with_its_current_etag()
    {
        var grainId = NewGrainId();
        var startAt = new DateTime(2030, 3, 30, 6, 15, 0, 123, DateTimeKind.Utc);
        var entry = new ReminderEntry { GrainId = grainId, ReminderName = "expire-hold", StartAt = startAt, Period = TimeSpan.FromMinutes(5) };

        var firstETag = await _reminders.UpsertRow(entry);
        var read = await _reminders.ReadRow(grainId, "expire-hold");

        Assert.NotNull(read);
        Assert.Equal(grainId, read.GrainId);
        Assert.Equal(startAt, read.StartAt);
        Assert.Equal(TimeSpan.FromMinutes(5), read.Period);
        Assert.Equal(firstETag, read.ETag);

        entry.Period = TimeSpan.FromMinutes(10);
        var secondETag = await _reminders.UpsertRow(entry);
        Assert.NotEqual(firstETag, secondETag);
        Assert.Equal(TimeSpan.FromMinutes(10), (await _reminders.ReadRow(grainId, "expire-hold"))!.Period);

        await _reminders.UpsertRow(new ReminderEntry { GrainId = grainId, ReminderName = "remind-before", StartAt = startAt, Period = TimeSpan.FromHours(1) });
        Assert.Equal(["expire-hold", "remind-before"], (await _reminders.ReadRows(grainId)).Reminders.Select(r => r.ReminderName).Order());

        Assert.False(await _reminders.RemoveRow(grainId, "expire-hold", firstETag!));
        Assert.NotNull(await _reminders.ReadRow(grainId, "expire-hold"));
        Assert.True(await _reminders.RemoveRow(grainId, "expire-hold", secondETag!));
        Assert.Null(await _reminders.ReadRow(grainId, "expire-hold"));
        Assert.Single((await _reminders.ReadRows(grainId)).Reminders);
    }

    [Fact]
    public async Task A_hash_range_returns_exactly_the_reminders_whose_grain_hash_lies_in_it_wrapping_around_zero()
    {
        var grains = Enumerable.Range(0, 40).Select(_ => NewGrainId()).ToList();
        foreach (var grain in grains)
        {
            await _reminders.UpsertRow(new ReminderEntry { GrainId = grain, ReminderName = "r", StartAt = DateTime.UtcNow, Period = TimeSpan.FromMinutes(1) });
        }

        var hashes = grains.Select(g => g.GetUniformHashCode()).Order().ToList();
        var begin = hashes[10];
        var end = hashes[30];

        var inside = (await _reminders.ReadRows(begin, end)).Reminders.Select(r => r.GrainId).ToHashSet();
        var outside = (await _reminders.ReadRows(end, begin)).Reminders.Select(r => r.GrainId).ToHashSet();

        Assert.Equal(grains.Where(g => g.GetUniformHashCode() > begin && g.GetUniformHashCode() <= end).ToHashSet(), inside.Intersect(grains).ToHashSet());
        Assert.Equal(grains.Where(g => g.GetUniformHashCode() > end || g.GetUniformHashCode() <= begin).ToHashSet(), outside.Intersect(grains).ToHashSet());
    }

    private static GrainId NewGrainId() => GrainId.Create("counter", Guid.NewGuid().ToString("N"));
}
