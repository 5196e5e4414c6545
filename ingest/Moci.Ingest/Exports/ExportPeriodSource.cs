using System.Runtime.CompilerServices;
using Moci.Ingest.Queries;
using Moci.Telemetry.Time;

namespace Moci.Ingest.Exports;

/// <summary>
/// The hours or days of an export, from <see cref="SeriesQueries.PeriodsAsync"/> as <c>GET /api/v1/readings</c>
/// gives them (the range widened to whole UTC periods, completeness applied). A series' periods come as one list
/// (8 760 for a year of hours, about 1 MB), so memory grows with the range and, in the wide layout, with the series
/// read at once — never with the readings behind them.
/// </summary>
internal static class ExportPeriodSource
{
    /// <summary>The periods of every series, series after series (station, then metric), each oldest first.</summary>
    public static async IAsyncEnumerable<SeriesPeriod> LongAsync(
        SeriesQueries queries,
        ExportRequest request,
        [EnumeratorCancellation] CancellationToken cancellationToken = default)
    {
        for (var i = 0; i < request.Series.Count; i++)
        {
            var series = request.Series[i];
            var periods = await queries.PeriodsAsync(series.Station.Id, series.Metric.Name, request.Resolution, new TimeRange(request.From, request.To), cancellationToken);
            foreach (var period in periods.Periods)
            {
                yield return new SeriesPeriod(i, period);
            }
        }
    }

    /// <summary>One row per period in which any series has something stored, oldest first; the same row is refilled.</summary>
    public static async IAsyncEnumerable<WidePeriodRow> WideAsync(
        SeriesQueries queries,
        ExportRequest request,
        [EnumeratorCancellation] CancellationToken cancellationToken = default)
    {
        var count = request.Series.Count;
        var lists = new IReadOnlyList<PeriodSummary>[count];
        for (var i = 0; i < count; i++)
        {
            var series = request.Series[i];
            lists[i] = (await queries.PeriodsAsync(series.Station.Id, series.Metric.Name, request.Resolution, new TimeRange(request.From, request.To), cancellationToken)).Periods;
        }

        var next = new int[count];
        var row = new WidePeriodRow(count);
        while (true)
        {
            DateTimeOffset? earliest = null;
            for (var i = 0; i < count; i++)
            {
                if (next[i] < lists[i].Count && (earliest is null || lists[i][next[i]].Start < earliest))
                {
                    earliest = lists[i][next[i]].Start;
                }
            }

            if (earliest is not { } start)
            {
                yield break;
            }

            row.Start = start;
            for (var i = 0; i < count; i++)
            {
                row.Present[i] = next[i] < lists[i].Count && lists[i][next[i]].Start == start;
                if (row.Present[i])
                {
                    row.Periods[i] = lists[i][next[i]++];
                }
            }

            yield return row;
        }
    }
}
