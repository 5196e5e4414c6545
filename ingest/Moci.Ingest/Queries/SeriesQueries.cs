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
        if (resolution == Resolution.Hour)
        {
            var hours = new PeriodList(Capacity(widened.CountPeriods(TimeRange.Hour)));
            await foreach (var rollup in store.ReadRollupsAsync(stationId, metric, RollupPeriod.Hour, widened, cancellationToken))
            {
                hours.Add(Hour(rollup, expected));
            }

            return new SeriesPeriods(resolution, widened, interval, expected, hours);
        }

        // A day needs only its complete hours' means, summed oldest first (as an average of them in order would).
        var completeHours = new Dictionary<DateTimeOffset, (int Count, double Sum)>(Capacity(widened.CountPeriods(TimeRange.Day)));
        await foreach (var rollup in store.ReadRollupsAsync(stationId, metric, RollupPeriod.Hour, widened, cancellationToken))
        {
            if (expected is { } count && Completeness.IsHourComplete(rollup.ValidCount, count) && rollup.Mean is { } mean)
            {
                var day = Floor(rollup.Start, TimeRange.Day);
                var (hoursSoFar, sum) = completeHours.GetValueOrDefault(day);
                completeHours[day] = (hoursSoFar + 1, sum + mean);
            }
        }

        var days = new PeriodList(Capacity(widened.CountPeriods(TimeRange.Day)));
        await foreach (var rollup in store.ReadRollupsAsync(stationId, metric, RollupPeriod.Day, widened, cancellationToken))
        {
            var (validHours, sum) = completeHours.GetValueOrDefault(rollup.Start);
            days.Add(Day(rollup, validHours, sum));
        }

        return new SeriesPeriods(resolution, widened, interval, expected, days);
    }

    /// <summary>An hour: complete with 75 % of the readings expected of it.</summary>
    private static PeriodSummary Hour(in Rollup rollup, int? expected)
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

    /// <summary>A day: complete with 18 complete hours; its mean is the mean of their means (<paramref name="sumOfMeans"/> over <paramref name="validHours"/>).</summary>
    private static PeriodSummary Day(in Rollup rollup, int validHours, double sumOfMeans)
    {
        var complete = Completeness.IsDayComplete(validHours);
        return new PeriodSummary(
            rollup.Start,
            rollup.Start + TimeRange.Day,
            complete ? sumOfMeans / validHours : null,
            rollup.ValidMin,
            rollup.ValidMax,
            rollup.Count,
            rollup.ValidCount,
            Completeness.DayCoverage(validHours),
            validHours,
            !complete);
    }

    /// <summary>The periods a list expects: those of the range, up to about ten years of hours (a longer range grows the list).</summary>
    private static int Capacity(long periods) => (int)Math.Clamp(periods, 0, 1 << 17);

    private static DateTimeOffset Floor(DateTimeOffset instant, TimeSpan length) =>
        new(instant.UtcTicks - instant.UtcTicks % length.Ticks, TimeSpan.Zero);
}
