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
    public static async Task WriteLongAsync(
        Stream stream, ExportRequest request, ExportNotice notice, IAsyncEnumerable<SeriesPeriod> periods, ExportProgress progress, CancellationToken cancellationToken)
    {
        await using var json = new Utf8JsonWriter(stream);
        var clock = new LocalClock(request.TimeZone);
        ExportJson.WriteHead(json, request, notice, "long");
        json.WriteStartArray("rows");
        progress.Start(request, request.Series.Count);
        await foreach (var (index, period) in periods.WithCancellation(cancellationToken))
        {
            var series = request.Series[index];
            json.WriteStartObject();
            json.WriteString("station", series.Station.Id);
            json.WriteString("metric", series.Metric.Name);
            json.WriteString("unit", series.Metric.Unit);
            WritePeriod(json, period, clock);
            json.WriteEndObject();
            progress.Row(index, period.Start);
            if (json.BytesPending > ExportJson.FlushBytes)
            {
                await json.FlushAsync(cancellationToken);
            }
        }

        json.WriteEndArray();
        json.WriteEndObject();
        progress.Done();
        await json.FlushAsync(cancellationToken);
    }

    public static async Task WriteWideAsync(
        Stream stream, ExportRequest request, ExportNotice notice, IAsyncEnumerable<WidePeriodRow> rows, ExportProgress progress, CancellationToken cancellationToken)
    {
        await using var json = new Utf8JsonWriter(stream);
        var clock = new LocalClock(request.TimeZone);
        ExportJson.WriteHead(json, request, notice, "wide");
        ExportJson.WriteColumns(json, request);
        json.WriteStartArray("rows");
        progress.Start(request, 1);
        await foreach (var row in rows.WithCancellation(cancellationToken))
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
            progress.Row(0, row.Start);
            if (json.BytesPending > ExportJson.FlushBytes)
            {
                await json.FlushAsync(cancellationToken);
            }
        }

        json.WriteEndArray();
        json.WriteEndObject();
        progress.Done();
        await json.FlushAsync(cancellationToken);
    }

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
