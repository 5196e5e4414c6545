using System.Globalization;

namespace Moci.Cli.Commands.DeadLetters;

/// <summary>Dead letters as a table for people: id, reception time, payload size and reason; never a payload.</summary>
internal static class DeadLetterText
{
    public static void WriteTable(TextWriter output, IReadOnlyList<DeadLetterView> letters)
    {
        string[] header = ["ID", "RECEIVED (UTC)", "SIZE", "REASON"];
        var rows = letters.Select(l => new[] { l.Id.ToString(CultureInfo.InvariantCulture), Instant(l.ReceivedAt), Size(l), l.Reason }).ToList();
        var widths = header.Select((h, i) => rows.Select(r => r[i].Length).Append(h.Length).Max()).ToArray();
        foreach (var row in rows.Prepend(header))
        {
            output.WriteLine(string.Join("  ", row.Select((cell, i) => i == row.Length - 1 ? cell : cell.PadRight(widths[i]))).TrimEnd());
        }
    }

    public static string Instant(DateTimeOffset instant) => instant.UtcDateTime.ToString("yyyy-MM-dd HH:mm:ss", CultureInfo.InvariantCulture);

    private static string Size(DeadLetterView letter) =>
        letter.PayloadSize.ToString(CultureInfo.InvariantCulture) + " B" + (letter.Truncated ? " (cut)" : "");
}
