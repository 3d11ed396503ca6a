namespace Booking.Bench;

/// <summary>The targets the scenario commands know.</summary>
internal static class TargetNames
{
    public const string InProcess = "inproc";
    public const string Http = "http";
    public const string SqlUnique = "sql-unique";
    public const string SqlLock = "sql-lock";
    public const string SqlExclude = "sql-exclude";

    public static readonly IReadOnlyList<string> All = [InProcess, Http, SqlUnique, SqlLock, SqlExclude];

    public static readonly IReadOnlyList<string> Baselines = [SqlUnique, SqlLock, SqlExclude];
}
