namespace Moci.Cli.Commands.DeadLetters;

/// <summary>What <c>dead-letters replay</c> did (or, in a dry run, would do); <c>--json</c> prints it as it is.</summary>
/// <param name="Station">The station replayed.</param>
/// <param name="DryRun">Whether nothing was changed.</param>
/// <param name="BackfillWindowDays">The backfill window the time rules used, in days.</param>
/// <param name="Letters">Dead letters gone through: all the station had when the run started.</param>
/// <param name="Replayed">Letters that now went through, wholly or in part, and are removed.</param>
/// <param name="PartlyReplayed">Of <paramref name="Replayed"/>, those of which some records still fail: each is replaced by the dead letters of those records.</param>
/// <param name="ReadingsStored">Readings newly stored.</param>
/// <param name="Duplicates">Readings that were already stored with the same value (from an earlier replay, or sent twice).</param>
/// <param name="RecordsKept">Dead letters the records that still fail of <paramref name="PartlyReplayed"/> letters became.</param>
/// <param name="HealthReports">Of <paramref name="Replayed"/>, the health reports (letters of a station's health topic).</param>
/// <param name="HealthReportsKept">Of <paramref name="HealthReports"/>, those kept, each in its turn (oldest first), as the station's newest report; the others were older than the one the hub held.</param>
/// <param name="StillFailing">Letters of which nothing went through; they stay, with the reason they fail for now.</param>
/// <param name="TopReasons">The commonest reasons of <paramref name="StillFailing"/>, commonest first.</param>
/// <param name="Truncated">Letters skipped because only the start of their payload is stored.</param>
/// <param name="Conflicts">Letters skipped because they are conflicts: another value of their time is stored, and the first stays.</param>
internal sealed record ReplaySummary(
    string Station,
    bool DryRun,
    double BackfillWindowDays,
    int Letters,
    int Replayed,
    int PartlyReplayed,
    long ReadingsStored,
    long Duplicates,
    int RecordsKept,
    int HealthReports,
    int HealthReportsKept,
    int StillFailing,
    IReadOnlyList<FailureReason> TopReasons,
    SkippedLetters Truncated,
    SkippedLetters Conflicts)
{
    /// <summary>Letters left as they are: <see cref="Truncated"/> and <see cref="Conflicts"/>.</summary>
    public int Skipped => Truncated.Letters + Conflicts.Letters;
}
