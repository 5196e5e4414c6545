using Moci.Ingest.Storage;
using Moci.Telemetry.Readings;
using Moci.Telemetry.Time;

namespace Moci.Ingest.Queries;

/// <summary>
/// Reads series the way the read API, the charts and the pages show them: the readings of a range, or per hour or day
/// from the rollups with the completeness rules of Directive 2008/50/EC applied (an hourly mean needs 75 % of the
/// hour, Annex VII A.2; a daily mean needs 18 complete hours, Annex XI A). Everything comes from the store, so it
/// answers the same in the ingest's process and in a dashboard of its own. Thread-safe.
/// </summary>
public sealed class SeriesQueries(IReadingStore store)
{
    /// <summary>The readings of one series in <paramref name="range"/>, oldest first, streamed.</summary>
    public IAsyncEnumerable<Reading> ReadingsAsync(string stationId, string metric, TimeRange range, CancellationToken cancellationToken = default) =>
        store.ReadAsync(stationId, metric, range, cancellationToken);

    /// <summary>
    /// One series per UTC hour or day over <paramref name="range"/> widened to whole periods, from the rollups (never
    /// by scanning readings: the only readings looked at are the newest thousand or so before the end of the range,
    /// which tell the series' usual interval and so how many readings an hour should hold).
    /// </summary>
    /// <param name="resolution"><see cref="Resolution.Hour"/> or <see cref="Resolution.Day"/>.</param>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="resolution"/> is <see cref="Resolution.Raw"/>.</exception>
    public async Task<SeriesPeriods> PeriodsAsync(string stationId, string metric, Resolution resolution, TimeRange range, CancellationToken cancellationToken = default)
    {
        if (!Resolutions.TryGetLength(resolution, out var length))
        {
            throw new ArgumentOutOfRangeException(nameof(resolution), resolution, "periods are hours or days; raw readings come from ReadingsAsync");
        }

        var widened = range.Widen(length.Value);
        var interval = await store.TypicalIntervalAsync(stationId, metric, widened.To, cancellationToken);
        int? expected = interval is { } known && known > TimeSpan.Zero ? Completeness.ExpectedPerHour(known) : null;
        var hours = new List<PeriodSummary>();
        await foreach (var rollup in store.ReadRollupsAsync(stationId, metric, RollupPeriod.Hour, widened, cancellationToken))
        {
            hours.Add(Hour(rollup, expected));
        }

        if (resolution == Resolution.Hour)
        {
            return new SeriesPeriods(resolution, widened, interval, expected, hours);
        }

        var hoursByDay = hours.ToLookup(h => Floor(h.Start, TimeRange.Day));
        var days = new List<PeriodSummary>();
        await foreach (var rollup in store.ReadRollupsAsync(stationId, metric, RollupPeriod.Day, widened, cancellationToken))
        {
            days.Add(Day(rollup, hoursByDay[rollup.Start]));
        }

        return new SeriesPeriods(resolution, widened, interval, expected, days);
    }

    /// <summary>An hour: complete with 75 % of the readings expected of it.</summary>
    private static PeriodSummary Hour(Rollup rollup, int? expected)
    {
        var complete = expected is { } count && Completeness.IsHourComplete(rollup.ValidCount, count);
        return new PeriodSummary(
            rollup.Start,
            rollup.Start + TimeRange.Hour,
            complete ? rollup.Mean : null,
            rollup.ValidMin,
            rollup.ValidMax,
            rollup.Count,
            rollup.ValidCount,
            expected is { } e ? Completeness.HourCoverage(rollup.ValidCount, e) : null,
            null,
            !complete);
    }

    /// <summary>A day: complete with 18 complete hours; its mean is the mean of their means.</summary>
    private static PeriodSummary Day(Rollup rollup, IEnumerable<PeriodSummary> hours)
    {
        var means = hours.Where(h => !h.Incomplete && h.Mean is not null).Select(h => h.Mean!.Value).ToList();
        var complete = Completeness.IsDayComplete(means.Count);
        return new PeriodSummary(
            rollup.Start,
            rollup.Start + TimeRange.Day,
            complete ? means.Average() : null,
            rollup.ValidMin,
            rollup.ValidMax,
            rollup.Count,
            rollup.ValidCount,
            Completeness.DayCoverage(means.Count),
            means.Count,
            !complete);
    }

    private static DateTimeOffset Floor(DateTimeOffset instant, TimeSpan length) =>
        new(instant.UtcTicks - instant.UtcTicks % length.Ticks, TimeSpan.Zero);
}
