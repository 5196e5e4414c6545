using CsvHelper;
using Moci.Ingest.Queries;

namespace Moci.Ingest.Exports;

/// <summary>
/// Writes an export of hours or days as CSV, like <see cref="ExportCsv"/> writes readings: the comment lines, a header,
/// then a row per period with its start (UTC and local), the mean (empty when the period is incomplete), the lowest
/// and highest valid values, the readings and valid readings counted, the coverage (0 … 1, empty when unknown) and
/// <c>incomplete</c> (1 when the period misses its completeness rule, else 0).
/// </summary>
internal static class ExportPeriodsCsv
{
    /// <summary>The columns of the long layout.</summary>
    public static readonly string[] LongHeader =
    [
        "station", "station_name", "latitude", "longitude", "metric", "resolution", "timestamp_utc", "timestamp_local",
        "mean", "min", "max", "unit", "count", "valid_count", "coverage", "incomplete",
    ];

    /// <summary>The columns of a series in the wide layout, after its station and metric.</summary>
    public static readonly string[] WideColumns = ["mean", "min", "max", "count", "valid_count", "coverage", "incomplete"];

    public static async Task WriteLongAsync(
        Stream stream, ExportRequest request, ExportNotice notice, IAsyncEnumerable<SeriesPeriod> periods, ExportProgress progress, CancellationToken cancellationToken)
    {
        var dialect = request.Dialect;
        var time = new char[TimestampText.MaxLength];
        var clock = new LocalClock(request.TimeZone);
        var resolution = Name(request.Resolution);
        await using var csv = CsvWriter.Create(stream, CsvDialects.WriterOptions(dialect), true);
        ExportCsv.WriteComments(csv, request, notice);
        csv.WriteRecord(LongHeader);
        progress.Start(request, request.Series.Count);
        await foreach (var (index, period) in periods.WithCancellation(cancellationToken))
        {
            var series = request.Series[index];
            var station = series.Station;
            csv.WriteField(station.Id);
            csv.WriteField(station.Name);
            csv.WriteField(station.Latitude);
            csv.WriteField(station.Longitude);
            csv.WriteField(series.Metric.Name);
            csv.WriteField(resolution);
            csv.WriteField(time.AsSpan(0, TimestampText.Utc(period.Start, dialect, time)));
            csv.WriteField(time.AsSpan(0, TimestampText.Local(clock.ToLocal(period.Start), dialect, time)));
            WriteNumber(csv, period.Mean);
            WriteNumber(csv, period.Min);
            WriteNumber(csv, period.Max);
            csv.WriteField(series.Metric.Unit);
            WriteCounts(csv, period);
            await csv.EndRecordAsync(cancellationToken);
            progress.Row(index, period.Start);
        }

        progress.Done();
        await csv.FlushAsync(cancellationToken);
    }

    /// <summary>The columns of the wide layout: the two times and the resolution, then <see cref="WideColumns"/> per series.</summary>
    public static string[] WideHeader(ExportRequest request) =>
    [
        "timestamp_utc", "timestamp_local", "resolution",
        .. request.Series.SelectMany(s => WideColumns.Select(c => c == "mean" ? $"{s.Station.Id} {s.Metric.Name} mean [{s.Metric.Unit}]" : $"{s.Station.Id} {s.Metric.Name} {c}")),
    ];

    public static async Task WriteWideAsync(
        Stream stream, ExportRequest request, ExportNotice notice, IAsyncEnumerable<WidePeriodRow> rows, ExportProgress progress, CancellationToken cancellationToken)
    {
        var dialect = request.Dialect;
        var time = new char[TimestampText.MaxLength];
        var clock = new LocalClock(request.TimeZone);
        var resolution = Name(request.Resolution);
        await using var csv = CsvWriter.Create(stream, CsvDialects.WriterOptions(dialect), true);
        ExportCsv.WriteComments(csv, request, notice);
        csv.WriteRecord(WideHeader(request));
        progress.Start(request, 1);
        await foreach (var row in rows.WithCancellation(cancellationToken))
        {
            csv.WriteField(time.AsSpan(0, TimestampText.Utc(row.Start, dialect, time)));
            csv.WriteField(time.AsSpan(0, TimestampText.Local(clock.ToLocal(row.Start), dialect, time)));
            csv.WriteField(resolution);
            for (var i = 0; i < row.Present.Length; i++)
            {
                if (row.Present[i])
                {
                    var period = row.Periods[i];
                    WriteNumber(csv, period.Mean);
                    WriteNumber(csv, period.Min);
                    WriteNumber(csv, period.Max);
                    WriteCounts(csv, period);
                }
                else
                {
                    for (var c = 0; c < WideColumns.Length; c++)
                    {
                        csv.WriteField((string?)null);
                    }
                }
            }

            await csv.EndRecordAsync(cancellationToken);
            progress.Row(0, row.Start);
        }

        progress.Done();
        await csv.FlushAsync(cancellationToken);
    }

    /// <summary>The name of a resolution in the files and the query: <c>hour</c> or <c>day</c>.</summary>
    public static string Name(Resolution resolution) => resolution == Resolution.Hour ? "hour" : resolution == Resolution.Day ? "day" : "raw";

    private static void WriteCounts(CsvWriter csv, in PeriodSummary period)
    {
        csv.WriteField((double)period.Count);
        csv.WriteField((double)period.ValidCount);
        WriteNumber(csv, period.Coverage);
        csv.WriteField(period.Incomplete ? "1" : "0");
    }

    private static void WriteNumber(CsvWriter csv, double? value)
    {
        if (value is { } number)
        {
            ExportCsv.WriteValue(csv, number);
        }
        else
        {
            csv.WriteField((string?)null);
        }
    }
}
