using CsvHelper;
using Moci.Telemetry.Readings;

namespace Moci.Ingest.Exports;

/// <summary>
/// Writes an export as CSV through CsvHelper, row by row as the store yields them: comment lines with the
/// licence and the metadata (<see cref="ExportNotice.CsvLines"/>), a header, then the rows. Values that are not
/// finite numbers (only an earlier release could store one) are empty fields.
/// </summary>
internal static class ExportCsv
{
    /// <summary>The columns of the long layout.</summary>
    public static readonly string[] LongHeader =
        ["station", "station_name", "latitude", "longitude", "metric", "timestamp_utc", "timestamp_local", "value", "unit", "flags", "validity"];

    public static async Task WriteLongAsync(
        Stream stream, ExportRequest request, ExportNotice notice, IAsyncEnumerable<SeriesReading> readings, ExportProgress progress, CancellationToken cancellationToken)
    {
        var dialect = request.Dialect;
        var time = new char[TimestampText.MaxLength];
        var clock = new LocalClock(request.TimeZone);
        await using var csv = CsvWriter.Create(stream, CsvDialects.WriterOptions(dialect), true);
        WriteComments(csv, request, notice);
        csv.WriteRecord(LongHeader);
        progress.Start(request, request.Series.Count);
        await foreach (var (index, reading) in readings.WithCancellation(cancellationToken))
        {
            var series = request.Series[index];
            var station = series.Station;
            csv.WriteField(station.Id);
            csv.WriteField(station.Name);
            csv.WriteField(station.Latitude);
            csv.WriteField(station.Longitude);
            csv.WriteField(series.Metric.Name);
            csv.WriteField(time.AsSpan(0, TimestampText.Utc(reading.Timestamp, dialect, time)));
            csv.WriteField(time.AsSpan(0, TimestampText.Local(clock.ToLocal(reading.Timestamp), dialect, time)));
            WriteValue(csv, reading.Value);
            csv.WriteField(series.Metric.Unit);
            csv.WriteField(FlagText(reading.Flags));
            csv.WriteField(ExportNotice.Validity(reading.Flags));
            await csv.EndRecordAsync(cancellationToken);
            progress.Row(index, reading.Timestamp);
        }

        progress.Done();
        await csv.FlushAsync(cancellationToken);
    }

    /// <summary>The columns of the wide layout: the two times, then a value and a flags column per series.</summary>
    public static string[] WideHeader(ExportRequest request) =>
    [
        "timestamp_utc", "timestamp_local",
        .. request.Series.SelectMany(s => new[] { $"{s.Station.Id} {s.Metric.Name} [{s.Metric.Unit}]", $"{s.Station.Id} {s.Metric.Name} flags" }),
    ];

    public static async Task WriteWideAsync(
        Stream stream, ExportRequest request, ExportNotice notice, IAsyncEnumerable<WideRow> rows, ExportProgress progress, CancellationToken cancellationToken)
    {
        var dialect = request.Dialect;
        var time = new char[TimestampText.MaxLength];
        var clock = new LocalClock(request.TimeZone);
        await using var csv = CsvWriter.Create(stream, CsvDialects.WriterOptions(dialect), true);
        WriteComments(csv, request, notice);
        csv.WriteRecord(WideHeader(request));
        progress.Start(request, 1);
        await foreach (var row in rows.WithCancellation(cancellationToken))
        {
            csv.WriteField(time.AsSpan(0, TimestampText.Utc(row.Timestamp, dialect, time)));
            csv.WriteField(time.AsSpan(0, TimestampText.Local(clock.ToLocal(row.Timestamp), dialect, time)));
            for (var i = 0; i < row.Present.Length; i++)
            {
                if (row.Present[i])
                {
                    WriteValue(csv, row.Values[i]);
                    csv.WriteField(FlagText(row.Flags[i]));
                }
                else
                {
                    csv.WriteField((string?)null);
                    csv.WriteField((string?)null);
                }
            }

            await csv.EndRecordAsync(cancellationToken);
            progress.Row(0, row.Timestamp);
        }

        progress.Done();
        await csv.FlushAsync(cancellationToken);
    }

    internal static void WriteComments(CsvWriter csv, ExportRequest request, ExportNotice notice)
    {
        foreach (var line in notice.CsvLines(request))
        {
            csv.WriteComment(" " + line);
        }
    }

    internal static void WriteValue(CsvWriter csv, double value)
    {
        if (double.IsFinite(value))
        {
            // As a number: the formula guard applies to text only.
            csv.WriteField(value);
        }
        else
        {
            csv.WriteField((string?)null);
        }
    }

    // The flag names of every combination of the three flags, so that a row costs no string join.
    private static readonly string[] FlagTexts = Enumerable.Range(0, 8).Select(f => string.Join('|', QaFlagNames.Of((QaFlags)f))).ToArray();

    /// <summary>The flag names joined by '|', empty when there are none.</summary>
    public static string FlagText(QaFlags flags) =>
        (uint)flags < FlagTexts.Length ? FlagTexts[(int)flags] : string.Join('|', QaFlagNames.Of(flags));
}
