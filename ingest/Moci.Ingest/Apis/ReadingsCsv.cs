using System.Globalization;
using CsvHelper;
using Moci.Telemetry.Metrics;
using Moci.Telemetry.Readings;

namespace Moci.Ingest.Apis;

/// <summary>
/// Writes readings as CSV (RFC 4180, via CsvHelper): one row per reading with the station, metric, UTC
/// timestamp in ISO 8601, value, unit and QA flags, so that a file stands on its own as evidence.
/// </summary>
public static class ReadingsCsv
{
    private static readonly string[] Header = ["station", "metric", "timestamp_utc", "value", "unit", "flags"];

    private static readonly CsvWriterOptions Options = new()
    {
        FormatProvider = CultureInfo.InvariantCulture,
        NewLine = "\r\n",
        // Values are ours, but a station id or a future free-text column must not become a spreadsheet formula.
        Injection = CsvInjection.Escape,
    };

    public static async Task WriteAsync(Stream stream, Metric metric, IAsyncEnumerable<Reading> readings, CancellationToken cancellationToken = default)
    {
        await using var csv = CsvWriter.Create(stream, Options, true);
        await csv.WriteRecordAsync(Header, cancellationToken);
        await foreach (var reading in readings.WithCancellation(cancellationToken))
        {
            csv.WriteField(reading.StationId);
            csv.WriteField(reading.Metric);
            csv.WriteField(reading.Timestamp.UtcDateTime.ToString("yyyy-MM-dd'T'HH:mm:ss.fff'Z'", CultureInfo.InvariantCulture));
            csv.WriteField(reading.Value.ToString("R", CultureInfo.InvariantCulture));
            csv.WriteField(metric.Unit);
            csv.WriteField(string.Join('|', QaFlagNames.Of(reading.Flags)));
            await csv.EndRecordAsync(cancellationToken);
        }

        await csv.FlushAsync(cancellationToken);
    }
}
