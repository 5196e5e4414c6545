using Moci.Ingest.Storage;

namespace Moci.Cli.Commands.DeadLetters;

/// <summary>Counts what a replay does, letter by letter, into a <see cref="ReplaySummary"/>. Not thread-safe.</summary>
internal sealed class ReplayTally(string station, bool dryRun, TimeSpan backfillWindow)
{
    /// <summary>How many ids of skipped letters a summary lists.</summary>
    public const int IdsShown = 20;

    /// <summary>How many reasons of failing letters a summary lists.</summary>
    public const int ReasonsShown = 5;

    private readonly Dictionary<string, (int Letters, string Example)> _failures = [];
    private readonly List<long> _truncated = [];
    private readonly List<long> _conflicts = [];
    private int _truncatedCount;
    private int _conflictCount;
    private long _stored;
    private long _duplicates;
    private int _replayed;
    private int _partly;
    private int _recordsKept;
    private int _failing;
    private int _healthReports;
    private int _healthKept;

    /// <summary>Letters counted so far.</summary>
    public int Letters => _replayed + _failing + _truncatedCount + _conflictCount;

    public void Truncated(DeadLetter letter) => Skip(_truncated, ref _truncatedCount, letter);

    public void Conflict(DeadLetter letter) => Skip(_conflicts, ref _conflictCount, letter);

    public void Written(WriteResult result)
    {
        _stored += result.Inserted;
        _duplicates += result.Duplicates;
    }

    public void Replayed() => _replayed++;

    /// <summary>Counts a health report that now passes; <paramref name="kept"/> when it became the station's newest.</summary>
    public void HealthReport(bool kept)
    {
        _healthReports++;
        _healthKept += kept ? 1 : 0;
    }

    public void PartlyReplayed(int recordsKept)
    {
        _replayed++;
        _partly++;
        _recordsKept += recordsKept;
    }

    public void StillFailing(string kind, string reason)
    {
        _failing++;
        _failures[kind] = _failures.TryGetValue(kind, out var known) ? (known.Letters + 1, known.Example) : (1, reason);
    }

    public ReplaySummary Summary() => new(
        station,
        dryRun,
        backfillWindow.TotalDays,
        Letters,
        _replayed,
        _partly,
        _stored,
        _duplicates,
        _recordsKept,
        _healthReports,
        _healthKept,
        _failing,
        _failures.OrderByDescending(f => f.Value.Letters).ThenBy(f => f.Key, StringComparer.Ordinal).Take(ReasonsShown)
            .Select(f => new FailureReason(f.Key, f.Value.Letters, f.Value.Example)).ToList(),
        new SkippedLetters(_truncatedCount, _truncated),
        new SkippedLetters(_conflictCount, _conflicts));

    private static void Skip(List<long> ids, ref int count, DeadLetter letter)
    {
        count++;
        if (ids.Count < IdsShown)
        {
            ids.Add(letter.Id);
        }
    }
}
