using System.Runtime.CompilerServices;
using Moci.Ingest.Storage;
using Moci.Telemetry.Readings;
using Moci.Telemetry.Time;

namespace Moci.Ingest.Exports;

/// <summary>
/// Reads the readings of an export from the store as streams, never as lists: memory stays the same for a day
/// or for ten years of data. The long layout reads one series after the other; the wide layout reads all
/// series at once and merges them by time.
/// </summary>
internal static class ExportSource
{
    /// <summary>The readings of every series, series after series (station, then metric), each oldest first.</summary>
    public static async IAsyncEnumerable<SeriesReading> LongAsync(
        IReadingStore store,
        ExportRequest request,
        [EnumeratorCancellation] CancellationToken cancellationToken = default)
    {
        for (var i = 0; i < request.Series.Count; i++)
        {
            var series = request.Series[i];
            await foreach (var reading in store.ReadAsync(series.Station.Id, series.Metric.Name, new TimeRange(request.From, request.To), cancellationToken))
            {
                yield return new SeriesReading(i, reading);
            }
        }
    }

    /// <summary>
    /// One row per instant at which any series has a reading, oldest first. The same <see cref="WideRow"/> is
    /// refilled for each row.
    /// </summary>
    public static async IAsyncEnumerable<WideRow> WideAsync(
        IReadingStore store,
        ExportRequest request,
        [EnumeratorCancellation] CancellationToken cancellationToken = default)
    {
        var count = request.Series.Count;
        var sources = new IAsyncEnumerator<Reading>[count];
        var heads = new Reading?[count];
        try
        {
            for (var i = 0; i < count; i++)
            {
                var series = request.Series[i];
                sources[i] = store.ReadAsync(series.Station.Id, series.Metric.Name, new TimeRange(request.From, request.To), cancellationToken).GetAsyncEnumerator(cancellationToken);
                heads[i] = await sources[i].MoveNextAsync() ? sources[i].Current : null;
            }

            var row = new WideRow(count);
            while (true)
            {
                // A handful of series: a linear scan for the earliest head is cheaper than a heap.
                DateTimeOffset? earliest = null;
                foreach (var head in heads)
                {
                    if (head is not null && (earliest is null || head.Timestamp < earliest))
                    {
                        earliest = head.Timestamp;
                    }
                }

                if (earliest is not { } instant)
                {
                    yield break;
                }

                row.Timestamp = instant;
                for (var i = 0; i < count; i++)
                {
                    var head = heads[i];
                    row.Present[i] = head is not null && head.Timestamp == instant;
                    if (row.Present[i])
                    {
                        row.Values[i] = head!.Value;
                        row.Flags[i] = head.Flags;
                        heads[i] = await sources[i].MoveNextAsync() ? sources[i].Current : null;
                    }
                }

                yield return row;
            }
        }
        finally
        {
            foreach (var source in sources)
            {
                if (source is not null)
                {
                    await source.DisposeAsync();
                }
            }
        }
    }
}
