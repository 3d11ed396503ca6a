namespace Booking.Silo.Storage;

/// <summary>Merges the runtime's own migrations with the application's and rejects ids that would make the order ambiguous.</summary>
internal static class StorageMigrationPlan
{
    /// <summary>Ids below this belong to the runtime; the application numbers its migrations from here.</summary>
    public const int FirstApplicationMigrationId = 1000;

    public static IReadOnlyList<StorageMigration> Build(IEnumerable<StorageMigration> core, IEnumerable<StorageMigration> application)
    {
        var all = new List<StorageMigration>(core);
        foreach (var migration in application)
        {
            if (migration.Id < FirstApplicationMigrationId)
            {
                throw new InvalidOperationException(
                    $"Migration {migration.Id} '{migration.Name}' uses an id reserved for the runtime; application migrations start at {FirstApplicationMigrationId}.");
            }

            all.Add(migration);
        }

        var duplicate = all.GroupBy(m => m.Id).FirstOrDefault(g => g.Count() > 1);
        if (duplicate is not null)
        {
            throw new InvalidOperationException(
                $"Migration id {duplicate.Key} is registered more than once ({string.Join(", ", duplicate.Select(m => $"'{m.Name}'"))}).");
        }

        return [.. all.OrderBy(m => m.Id)];
    }
}
