namespace Moci.Ingest.Storage;

/// <summary>
/// How many rows the reads of a <see cref="SqliteReadingStore"/> have returned since it was opened, by what they
/// read: what a query costs, independent of the machine's speed.
/// </summary>
/// <param name="Readings">Readings returned by range reads (<see cref="IReadingStore.ReadAsync"/>).</param>
/// <param name="IntervalSamples">Readings looked at to find a series' typical interval (at most <see cref="SqliteReadingStore.IntervalSample"/> + 1 a call).</param>
/// <param name="HourRollups">Hourly rollups returned.</param>
/// <param name="DayRollups">Daily rollups returned.</param>
public readonly record struct RowsRead(long Readings, long IntervalSamples, long HourRollups, long DayRollups)
{
    /// <summary>What was read between <paramref name="before"/> and <paramref name="after"/>.</summary>
    public static RowsRead operator -(RowsRead after, RowsRead before) => new(
        after.Readings - before.Readings,
        after.IntervalSamples - before.IntervalSamples,
        after.HourRollups - before.HourRollups,
        after.DayRollups - before.DayRollups);
}
