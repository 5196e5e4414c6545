using System.Globalization;
using CsvHelper;
using Moci.Telemetry.Metrics;
using Moci.Telemetry.Readings;

namespace Moci.Ingest.Apis;

/// <summary>
/// Writes readings as CSV (RFC 4180, via CsvHelper): one row per reading with the station, metric, UTC
/// timestamp in ISO 8601, value, unit and QA flags, so that a file stands on its own as evidence. Values
/// are plain numbers in the shortest form that reads back to the same double; a stored value that is not a
/// finite number is an empty field. Text fields that a spreadsheet would run as a formula are escaped.
/// </summary>
public static class ReadingsCsv
{
    private static readonly string[] Header = ["station", "metric", "timestamp_utc", "value", "unit", "flags"];

    private static readonly CsvWriterOptions Options = new()
    {
        FormatProvider = CultureInfo.InvariantCulture,
        NewLine = "\r\n",
        // Text fields only (CsvHelper leaves numbers alone): a station id or a future free-text column must
        // not become a spreadsheet formula (OWASP, "CSV Injection").
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
            if (double.IsFinite(reading.Value))
            {
                // As a number: the formula guard applies to text only, so -5.2 stays -5.2.
                csv.WriteField(reading.Value);
            }
            else
            {
                // Only a database of an earlier release can hold one; an empty field reads as "no value".
                csv.WriteField((string?)null);
            }

            csv.WriteField(metric.Unit);
            csv.WriteField(string.Join('|', QaFlagNames.Of(reading.Flags)));
            await csv.EndRecordAsync(cancellationToken);
        }

        await csv.FlushAsync(cancellationToken);
    }
}
