using Moci.Ingest.Health;
using Moci.Ingest.Intake;
using Moci.Ingest.Storage;
using Moci.Telemetry.Protocol;
using Moci.Telemetry.Readings;

namespace Moci.Cli.Commands.DeadLetters;

/// <summary>
/// Stores again what a station sent that the hub could not store: its dead letters, oldest first, a page at a
/// time, each through the hub's intake (<see cref="LetterIntake"/>) and the hub's idempotent reading store.
/// A letter that now goes through is removed; one of which only some records go through becomes the dead
/// letters of the others, as the hub would have made them; one of which nothing goes through stays, with the
/// reason it fails for now. Letters stored cut short, and conflicts, are left as they are. A health report that now
/// passes is kept as the station's newest unless the hub holds one it received later, and its letter removed.
/// </summary>
/// <remarks>
/// The readings and the dead letters live in one SQLite file but are written by two stores, each with its own
/// connection, so they cannot share a transaction: a page's readings are committed first, then the page's
/// dead-letter changes. A crash between the two commits leaves the letters in place with their readings
/// stored; a rerun stores nothing twice (the store counts those readings as duplicates, not conflicts, as they
/// have the same value and flags) and then removes the letters. A hub running beside it writes through its own
/// connections; SQLite's WAL journal and busy timeout serialise the writers.
/// </remarks>
/// <param name="letters">The dead-letter table.</param>
/// <param name="intake">The hub's intake, with the rules to apply.</param>
/// <param name="write">Writes readings: the reading store, or a <see cref="ReadingPreview"/> in a dry run.</param>
/// <param name="keepHealth">
/// Keeps a health report received at the given time unless a later one is stored, and says whether it is now the
/// station's newest: the health store, or a look at it in a dry run.
/// </param>
/// <param name="tally">Counts what is done.</param>
/// <param name="dryRun">Whether to leave the dead letters unchanged.</param>
/// <param name="progress">Told the number of letters done and the number there are, every <see cref="ProgressEvery"/> letters.</param>
internal sealed class DeadLetterReplay(
    DeadLetterStore letters,
    LetterIntake intake,
    Func<IReadOnlyList<Reading>, CancellationToken, Task<WriteResult>> write,
    Func<StationHealth, DateTimeOffset, CancellationToken, Task<bool>> keepHealth,
    ReplayTally tally,
    bool dryRun,
    Action<int, long> progress)
{
    /// <summary>Letters read, and their readings written, in one go: at most this many payloads (each at most the hub's cap) are held at once.</summary>
    public const int PageSize = 200;

    /// <summary>How often progress is reported, in letters.</summary>
    public const int ProgressEvery = 2000;

    /// <summary>Replays the dead letters <paramref name="stationId"/> has when it starts; those that arrive meanwhile wait for the next run.</summary>
    public async Task<ReplaySummary> RunAsync(string stationId, CancellationToken cancellationToken)
    {
        var total = await letters.CountAsync(stationId, cancellationToken);

        // Replacements, and letters the hub adds meanwhile, get higher ids than the newest letter now: they are not
        // gone through again in this run.
        var newest = await letters.ListAsync(stationId, 1, before: null, payloadBytes: 0, cancellationToken);
        var last = newest.Count == 0 ? 0 : newest[0].Id;
        long? after = null;
        var reported = 0;
        while (true)
        {
            var page = (await letters.ListOldestFirstAsync(stationId, after, PageSize, cancellationToken)).Where(l => l.Id <= last).ToList();
            if (page.Count == 0)
            {
                return tally.Summary();
            }

            after = page[^1].Id;
            await ReplayPageAsync(page, cancellationToken);
            if (tally.Letters - reported >= ProgressEvery)
            {
                reported = tally.Letters;
                progress(reported, total);
            }
        }
    }

    private async Task ReplayPageAsync(IReadOnlyList<DeadLetter> page, CancellationToken cancellationToken)
    {
        var replays = new List<(DeadLetter Letter, IntakeItem Item)>();
        var reports = new List<(DeadLetter Letter, StationHealth Report)>();
        foreach (var letter in page)
        {
            if (letter.Truncated)
            {
                tally.Truncated(letter);
            }
            else if (ConflictLetters.Is(letter))
            {
                tally.Conflict(letter);
            }
            else
            {
                var outcome = intake.Accept(letter);
                replays.Add((letter, outcome.Item));
                if (outcome.Health is { } report)
                {
                    reports.Add((letter, report));
                }
            }
        }

        var result = await write([.. replays.SelectMany(r => r.Item.Readings)], cancellationToken);
        tally.Written(result);

        // Oldest first, as they arrived: each replaces the one before, and none one the hub received later.
        foreach (var (letter, report) in reports)
        {
            tally.HealthReport(await keepHealth(report, letter.ReceivedAt, cancellationToken));
        }

        // Readings are records: a reading equal to a conflicting one conflicts too, whichever letter holds it.
        var conflicts = new Dictionary<Reading, ReadingConflict>();
        foreach (var conflict in result.Conflicts)
        {
            conflicts.TryAdd(conflict.Rejected, conflict);
        }

        var removed = new List<long>();
        var replaced = new Dictionary<long, IReadOnlyList<DeadLetter>>();
        var reworded = new Dictionary<long, string>();
        foreach (var (letter, item) in replays)
        {
            var failing = item.Rejections.Select(r => (Kind: RejectionKindNames.Of(r.Kind), r.Letter))
                .Concat(item.Readings.Where(conflicts.ContainsKey).Select(r => (Kind: "conflict", Letter: ConflictLetters.For(conflicts[r], letter))))
                .ToList();
            var through = item.Readings.Count(r => !conflicts.ContainsKey(r));
            if (failing.Count == 0)
            {
                removed.Add(letter.Id);
                tally.Replayed();
            }
            else if (through == 0)
            {
                // Nothing went through: the letter stays as it was received, with the reason it fails for now.
                var reason = failing.Count == 1 ? failing[0].Letter.Reason : $"{failing.Count} records refused; the first: {failing[0].Letter.Reason}";
                reworded[letter.Id] = reason;
                tally.StillFailing(failing[0].Kind, reason);
            }
            else
            {
                replaced[letter.Id] = [.. failing.Select(f => f.Letter)];
                tally.PartlyReplayed(failing.Count);
            }
        }

        if (dryRun)
        {
            return;
        }

        // The readings are committed: the letters follow them even when the run is being cancelled.
        await letters.DeleteAsync(removed, CancellationToken.None);
        await letters.ReplaceAsync(replaced, CancellationToken.None);
        await letters.UpdateReasonsAsync(reworded, CancellationToken.None);
    }
}
