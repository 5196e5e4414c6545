using Moci.Ingest.Storage;
using Moci.Telemetry.Readings;
using Moci.Telemetry.Time;

namespace Moci.Cli.Commands.DeadLetters;

/// <summary>
/// For a dry run: tells, without writing, what <see cref="SqliteReadingStore.WriteAsync"/> would do with readings:
/// new, a duplicate of a stored one, or a conflict with it. It remembers what it would have stored, so that a
/// later letter of the same run meets it as the real run would.
/// </summary>
internal sealed class ReadingPreview(IReadingStore store)
{
    private readonly Dictionary<(string Station, string Metric, DateTimeOffset Time), Reading> _stored = [];

    /// <summary>What a write of <paramref name="readings"/> would report.</summary>
    public async Task<WriteResult> WriteAsync(IReadOnlyList<Reading> readings, CancellationToken cancellationToken)
    {
        var (inserted, duplicates) = (0, 0);
        var conflicts = new List<ReadingConflict>();
        foreach (var reading in readings)
        {
            var key = (reading.StationId, reading.Metric, reading.Timestamp);
            if (!_stored.TryGetValue(key, out var kept))
            {
                kept = await FindAsync(reading, cancellationToken);
            }

            if (kept is null)
            {
                inserted++;
                _stored[key] = reading;
            }
            else if (kept.Value.Equals(reading.Value) && kept.Flags == reading.Flags)
            {
                duplicates++;
                _stored[key] = kept;
            }
            else
            {
                conflicts.Add(new ReadingConflict(kept, reading));
                _stored[key] = kept;
            }
        }

        return new WriteResult(inserted, duplicates) { Conflicts = conflicts };
    }

    /// <summary>The stored reading of the same station, metric and millisecond, if any.</summary>
    private async Task<Reading?> FindAsync(Reading reading, CancellationToken cancellationToken)
    {
        await foreach (var stored in store.ReadAsync(reading.StationId, reading.Metric, new TimeRange(reading.Timestamp, reading.Timestamp.AddMilliseconds(1)), cancellationToken))
        {
            return stored;
        }

        return null;
    }
}
