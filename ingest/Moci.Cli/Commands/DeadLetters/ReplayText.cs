namespace Moci.Cli.Commands.DeadLetters;

/// <summary>A replay's summary for people.</summary>
internal static class ReplayText
{
    private static readonly string TooOld = Moci.Telemetry.Protocol.RejectionKindNames.Of(Moci.Telemetry.Protocol.RejectionKind.TooOld);

    public static void Write(TextWriter output, ReplaySummary s)
    {
        if (s.Letters == 0)
        {
            output.WriteLine($"Station {s.Station} has no dead letters; nothing to replay.");
            return;
        }

        var (dry, would) = (s.DryRun, s.DryRun ? "would " : "");
        if (dry)
        {
            output.WriteLine("Dry run: nothing was stored, removed or changed.");
        }

        output.WriteLine($"{(dry ? "Would replay" : "Replayed")} {s.Replayed} of {s.Letters} {Letters(s.Letters)} of station {s.Station} → " +
                         $"{Count(s.ReadingsStored, "reading")} {(dry ? "to store" : "stored")}, {Count(s.Duplicates, "duplicate")} (already stored)" +
                         (s.Replayed > 0 ? $"; {(dry ? "their dead letters would go" : "their dead letters are removed")}." : "."));
        if (s.PartlyReplayed > 0)
        {
            output.WriteLine(s.RecordsKept == 1
                ? $"  {s.PartlyReplayed} of them only in part: 1 refused record {would}{(dry ? "stay" : "stays")} as a dead letter of its own."
                : $"  {s.PartlyReplayed} of them only in part: {s.RecordsKept} refused records {would}stay as dead letters of their own.");
        }

        if (s.HealthReports > 0)
        {
            var older = s.HealthReports - s.HealthReportsKept;
            var removed = dry ? "would only be removed" : older == 1 ? "was only removed" : "were only removed";
            output.WriteLine($"  {Count(s.HealthReports, "health report")} among them: " +
                             (s.HealthReportsKept > 0 ? $"the newest {(dry ? "would become" : "is now")} the station's report" : "the station's report is newer") +
                             (older > 0 ? $"; {older} older than the one the hub holds {removed}." : "."));
        }

        if (s.StillFailing > 0)
        {
            output.WriteLine($"Still failing: {s.StillFailing} {Letters(s.StillFailing)}; they {would}stay, with the reason they fail for now. Top reasons:");
            var width = s.TopReasons.Max(r => r.Kind.Length);
            foreach (var reason in s.TopReasons)
            {
                output.WriteLine($"  {reason.Letters,6}  {reason.Kind.PadRight(width)}  {reason.Example}");
            }

            if (s.TopReasons.Any(r => r.Kind == TooOld))
            {
                var days = s.BackfillWindowDays.ToString(System.Globalization.CultureInfo.InvariantCulture);
                output.WriteLine($"  Readings more than {days} days older than their letter are refused; --backfill-window widens that.");
            }
        }

        if (s.Skipped > 0)
        {
            output.WriteLine($"Skipped: {s.Skipped} {Letters(s.Skipped)}, left as they are:");
            WriteSkipped(output, s.Truncated, "cut at the hub's DeadLetters:MaxPayloadBytes: only the start of the payload is stored, so it cannot be read again");
            WriteSkipped(output, s.Conflicts, "conflicts: another value is already stored for the same station, metric and time, and the first value stays");
        }

        if (!dry && s.StillFailing + s.Skipped > 0)
        {
            output.WriteLine($"`moci dead-letters list --station {s.Station}` lists what is left.");
        }
    }

    private static void WriteSkipped(TextWriter output, SkippedLetters skipped, string why)
    {
        if (skipped.Letters == 0)
        {
            return;
        }

        var ids = string.Join(", ", skipped.Ids) + (skipped.Letters > skipped.Ids.Count ? ", …" : "");
        output.WriteLine($"  {skipped.Letters,6}  {why} (ids {ids})");
    }

    private static string Letters(int count) => count == 1 ? "dead letter" : "dead letters";

    private static string Count(long count, string noun) => $"{count} {noun}{(count == 1 ? "" : "s")}";
}
