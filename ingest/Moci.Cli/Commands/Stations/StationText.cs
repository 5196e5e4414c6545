using System.Globalization;
using Moci.Ingest.Stations;

namespace Moci.Cli.Commands.Stations;

/// <summary>Stations as plain text for people: a table for <c>list</c>, one field per line for <c>show</c>.</summary>
internal static class StationText
{
    public static void WriteTable(TextWriter output, IReadOnlyList<StationView> stations)
    {
        string[] header = ["ID", "STATE", "KIND", "LATITUDE", "LONGITUDE", "NAME"];
        var rows = stations.Select(s => new[] { s.Id, Lower(s.State), Lower(s.Kind), Degrees(s.Latitude), Degrees(s.Longitude), s.Name }).ToList();
        var widths = header.Select((h, i) => rows.Select(r => r[i].Length).Append(h.Length).Max()).ToArray();
        foreach (var row in rows.Prepend(header))
        {
            output.WriteLine(string.Join("  ", row.Select((cell, i) => i == row.Length - 1 ? cell : cell.PadRight(widths[i]))).TrimEnd());
        }
    }

    public static void WriteDetails(TextWriter output, StationView s)
    {
        output.WriteLine($"id:          {s.Id}");
        output.WriteLine($"name:        {s.Name}");
        output.WriteLine($"kind:        {Lower(s.Kind)}");
        output.WriteLine($"latitude:    {Degrees(s.Latitude)}");
        output.WriteLine($"longitude:   {Degrees(s.Longitude)}");
        output.WriteLine($"initiative:  {s.Initiative ?? "-"}");
        output.WriteLine($"state:       {Lower(s.State)} ({Meaning(s.State)})");
        output.WriteLine($"registered:  {Instant(s.RegisteredAt)}");
        output.WriteLine($"changed:     {Instant(s.UpdatedAt)}");
    }

    private static string Meaning(StationState state) => state switch
    {
        StationState.Active => "may connect with its secret",
        StationState.Pending => "has no secret yet; `moci stations rotate-secret` gives it one",
        StationState.Revoked => "refused; `moci stations rotate-secret` makes it active again with a new secret",
        _ => state.ToString(),
    };

    private static string Lower<T>(T value)
        where T : struct, Enum => value.ToString().ToLowerInvariant();

    private static string Degrees(double degrees) => degrees.ToString("0.######", CultureInfo.InvariantCulture);

    private static string Instant(DateTimeOffset instant) => instant.UtcDateTime.ToString("yyyy-MM-dd HH:mm:ss 'UTC'", CultureInfo.InvariantCulture);
}
