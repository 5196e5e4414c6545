using System.Runtime.InteropServices;
using Microsoft.Data.Sqlite;
using Moci.Telemetry.Readings;

namespace Moci.Ingest.Storage;

/// <summary>
/// Collects what the readings a batch newly stores add to the hourly and daily rollups, and adds it to the tables
/// in the batch's transaction: one upsert per hour and per day the batch touches, not one per reading. Readings
/// that were not stored (duplicates, conflicts) are never added, so a rollup counts each stored reading once,
/// whatever order readings arrive in. Not thread-safe: one per batch.
/// </summary>
internal sealed class RollupAccumulator
{
    private readonly Dictionary<(long Series, long Start), RollupDelta> _hours = [];

    /// <summary>Adds a reading that the batch has just inserted.</summary>
    public void Add(long series, long milliseconds, double value, QaFlags flags)
    {
        ref var hour = ref CollectionsMarshal.GetValueRefOrAddDefault(_hours, (series, RollupSql.Floor(milliseconds, RollupSql.HourMilliseconds)), out _);
        hour.Add(value, RollupSql.IsValid(value, flags));
    }

    /// <summary>Adds what was collected to the rollup tables, inside the transaction open on <paramref name="connection"/>.</summary>
    public void Write(SqliteConnection connection)
    {
        if (_hours.Count == 0)
        {
            return;
        }

        var days = new Dictionary<(long Series, long Start), RollupDelta>();
        using (var upsert = new RawStatement(connection, RollupSql.Upsert(RollupPeriod.Hour)))
        {
            foreach (var ((series, start), hour) in _hours)
            {
                Upsert(upsert, series, start, hour);
                ref var day = ref CollectionsMarshal.GetValueRefOrAddDefault(days, (series, RollupSql.Floor(start, RollupSql.DayMilliseconds)), out _);
                day.Merge(hour);
            }
        }

        using (var upsert = new RawStatement(connection, RollupSql.Upsert(RollupPeriod.Day)))
        {
            foreach (var ((series, start), day) in days)
            {
                Upsert(upsert, series, start, day);
            }
        }
    }

    private static void Upsert(RawStatement upsert, long series, long start, in RollupDelta delta) =>
        upsert.Bind(1, series)
            .Bind(2, start)
            .Bind(3, delta.Count)
            .Bind(4, delta.ValidCount)
            .Bind(5, delta.ValidSum)
            .Bind(6, delta.ValidCount > 0 ? delta.ValidMin : null)
            .Bind(7, delta.ValidCount > 0 ? delta.ValidMax : null)
            .Run();
}
