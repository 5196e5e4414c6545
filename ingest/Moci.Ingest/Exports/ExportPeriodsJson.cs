using System.Text.Json;
using Moci.Ingest.Queries;

namespace Moci.Ingest.Exports;

/// <summary>
/// Writes an export of hours or days as one JSON document, with the head of <see cref="ExportJson"/> (which states the
/// resolution) and a row per period: its start and end (UTC) and local start, <c>mean</c> (null when incomplete),
/// <c>min</c>, <c>max</c>, <c>count</c>, <c>validCount</c>, <c>coverage</c> (0 … 1, null when unknown), for a day
/// <c>validHours</c>, and <c>incomplete</c>.
/// </summary>
internal static class ExportPeriodsJson
{
    public static Task WriteLongAsync(
        Stream stream, ExportRequest request, ExportNotice notice, IAsyncEnumerable<SeriesPeriod> periods, ExportProgress progress, CancellationToken cancellationToken) =>
        ExportJson.WriteDocumentAsync(stream, request, notice, ExportLayout.Long, periods, (json, clock, row) =>
        {
            var (index, period) = row;
            var series = request.Series[index];
            json.WriteStartObject();
            json.WriteString("station", series.Station.Id);
            json.WriteString("metric", series.Metric.Name);
            json.WriteString("unit", series.Metric.Unit);
            WritePeriod(json, period, clock);
            json.WriteEndObject();
            return (index, period.Start);
        }, progress, cancellationToken);

    public static Task WriteWideAsync(
        Stream stream, ExportRequest request, ExportNotice notice, IAsyncEnumerable<WidePeriodRow> rows, ExportProgress progress, CancellationToken cancellationToken) =>
        ExportJson.WriteDocumentAsync(stream, request, notice, ExportLayout.Wide, rows, static (json, clock, row) =>
        {
            json.WriteStartObject();
            json.WriteString("timestampUtc", row.Start.UtcDateTime);
            json.WriteString("timestampLocal", clock.ToLocal(row.Start));
            json.WriteStartArray("periods");
            for (var i = 0; i < row.Present.Length; i++)
            {
                if (row.Present[i])
                {
                    json.WriteStartObject();
                    WritePeriod(json, row.Periods[i], clock);
                    json.WriteEndObject();
                }
                else
                {
                    json.WriteNullValue();
                }
            }

            json.WriteEndArray();
            json.WriteEndObject();
            return (0, row.Start);
        }, progress, cancellationToken);

    private static void WritePeriod(Utf8JsonWriter json, in PeriodSummary period, LocalClock clock)
    {
        json.WriteString("timestampUtc", period.Start.UtcDateTime);
        json.WriteString("timestampLocal", clock.ToLocal(period.Start));
        json.WriteString("endUtc", period.End.UtcDateTime);
        WriteNumber(json, "mean", period.Mean);
        WriteNumber(json, "min", period.Min);
        WriteNumber(json, "max", period.Max);
        json.WriteNumber("count", period.Count);
        json.WriteNumber("validCount", period.ValidCount);
        WriteNumber(json, "coverage", period.Coverage);
        if (period.ValidHours is { } hours)
        {
            json.WriteNumber("validHours", hours);
        }

        json.WriteBoolean("incomplete", period.Incomplete);
    }

    private static void WriteNumber(Utf8JsonWriter json, string name, double? value)
    {
        if (value is { } number && double.IsFinite(number))
        {
            json.WriteNumber(name, number);
        }
        else
        {
            json.WriteNull(name);
        }
    }
}
