using System.Text.Json;

namespace Moci.Ingest.Exports;

/// <summary>
/// Writes an export as one JSON document (RFC 8259) with <see cref="Utf8JsonWriter"/>, flushing every few
/// kilobytes so that nothing but the current row is held: the licence, the range and zone, the stations and
/// metrics, then <c>rows</c>. A value that is not a finite number is <c>null</c> (JSON has no number for it).
/// </summary>
internal static class ExportJson
{
    /// <summary>Bytes the writer holds before it flushes them to the stream.</summary>
    internal const int FlushBytes = 32 * 1024;

    public static Task WriteLongAsync(
        Stream stream, ExportRequest request, ExportNotice notice, IAsyncEnumerable<SeriesReading> readings, ExportProgress progress, CancellationToken cancellationToken) =>
        WriteDocumentAsync(stream, request, notice, ExportLayout.Long, readings, (json, clock, row) =>
        {
            var (index, reading) = row;
            var series = request.Series[index];
            json.WriteStartObject();
            json.WriteString("station", series.Station.Id);
            json.WriteString("metric", series.Metric.Name);
            json.WriteString("timestampUtc", reading.Timestamp.UtcDateTime);
            json.WriteString("timestampLocal", clock.ToLocal(reading.Timestamp));
            WriteValue(json, "value", reading.Value);
            json.WriteString("unit", series.Metric.Unit);
            json.WriteString("flags", ExportCsv.FlagText(reading.Flags));
            json.WriteNumber("validity", ExportNotice.Validity(reading.Flags));
            json.WriteEndObject();
            return (index, reading.Timestamp);
        }, progress, cancellationToken);

    public static Task WriteWideAsync(
        Stream stream, ExportRequest request, ExportNotice notice, IAsyncEnumerable<WideRow> rows, ExportProgress progress, CancellationToken cancellationToken) =>
        WriteDocumentAsync(stream, request, notice, ExportLayout.Wide, rows, static (json, clock, row) =>
        {
            json.WriteStartObject();
            json.WriteString("timestampUtc", row.Timestamp.UtcDateTime);
            json.WriteString("timestampLocal", clock.ToLocal(row.Timestamp));
            json.WriteStartArray("values");
            for (var i = 0; i < row.Present.Length; i++)
            {
                if (row.Present[i] && double.IsFinite(row.Values[i]))
                {
                    json.WriteNumberValue(row.Values[i]);
                }
                else
                {
                    json.WriteNullValue();
                }
            }

            json.WriteEndArray();
            json.WriteStartArray("flags");
            for (var i = 0; i < row.Present.Length; i++)
            {
                if (row.Present[i])
                {
                    json.WriteStringValue(ExportCsv.FlagText(row.Flags[i]));
                }
                else
                {
                    json.WriteNullValue();
                }
            }

            json.WriteEndArray();
            json.WriteEndObject();
            return (0, row.Timestamp);
        }, progress, cancellationToken);

    /// <summary>
    /// The document every JSON export is: the head (and in the wide layout the columns), then <c>rows</c>, each written
    /// by <paramref name="writeRow"/>, which returns the series (0 in the wide layout, whose rows hold them all) and
    /// time of the row for <paramref name="progress"/>. Whatever is pending is flushed to <paramref name="stream"/>
    /// once it passes <see cref="FlushBytes"/>, so that nothing but the current row is held.
    /// </summary>
    internal static async Task WriteDocumentAsync<TRow>(
        Stream stream,
        ExportRequest request,
        ExportNotice notice,
        ExportLayout layout,
        IAsyncEnumerable<TRow> rows,
        Func<Utf8JsonWriter, LocalClock, TRow, (int Series, DateTimeOffset At)> writeRow,
        ExportProgress progress,
        CancellationToken cancellationToken)
    {
        await using var json = new Utf8JsonWriter(stream);
        var clock = new LocalClock(request.TimeZone);
        WriteHead(json, request, notice, layout == ExportLayout.Wide ? "wide" : "long");
        if (layout == ExportLayout.Wide)
        {
            WriteColumns(json, request);
        }

        json.WriteStartArray("rows");
        progress.Start(request, layout == ExportLayout.Wide ? 1 : request.Series.Count);
        await foreach (var row in rows.WithCancellation(cancellationToken))
        {
            var (series, at) = writeRow(json, clock, row);
            progress.Row(series, at);
            if (json.BytesPending > FlushBytes)
            {
                await json.FlushAsync(cancellationToken);
            }
        }

        json.WriteEndArray();
        json.WriteEndObject();
        progress.Done();
        await json.FlushAsync(cancellationToken);
    }

    /// <summary>The wide layout's <c>columns</c>: station, metric and unit of each series, in the order of the rows' cells.</summary>
    internal static void WriteColumns(Utf8JsonWriter json, ExportRequest request)
    {
        json.WriteStartArray("columns");
        foreach (var series in request.Series)
        {
            json.WriteStartObject();
            json.WriteString("station", series.Station.Id);
            json.WriteString("metric", series.Metric.Name);
            json.WriteString("unit", series.Metric.Unit);
            json.WriteEndObject();
        }

        json.WriteEndArray();
    }

    internal static void WriteHead(Utf8JsonWriter json, ExportRequest request, ExportNotice notice, string layout)
    {
        json.WriteStartObject();
        json.WriteStartObject("licence");
        json.WriteString("name", notice.Options.Licence);
        json.WriteString("url", notice.Options.LicenceUrl);
        json.WriteString("attribution", notice.Options.Attribution);
        json.WriteEndObject();
        json.WriteString("from", request.From.UtcDateTime);
        json.WriteString("to", request.To.UtcDateTime);
        json.WriteString("timeZone", request.TimeZone.Id);
        json.WriteString("layout", layout);
        json.WriteString("resolution", request.Resolution.ToString().ToLowerInvariant());
        json.WriteStartArray("stations");
        foreach (var station in request.Stations)
        {
            json.WriteStartObject();
            json.WriteString("id", station.Id);
            json.WriteString("name", station.Name);
            json.WriteString("kind", station.Kind.ToString().ToLowerInvariant());
            json.WriteNumber("latitude", station.Latitude);
            json.WriteNumber("longitude", station.Longitude);
            if (ExternalSource.Of(station) is { } source)
            {
                json.WriteStartObject("external");
                json.WriteString("licence", source.Licence);
                json.WriteString("url", source.LicenceUrl);
                json.WriteString("attribution", source.Attribution);
                json.WriteEndObject();
            }

            json.WriteEndObject();
        }

        json.WriteEndArray();
        json.WriteStartArray("metrics");
        foreach (var metric in request.Metrics)
        {
            json.WriteStartObject();
            json.WriteString("name", metric.Name);
            json.WriteString("label", metric.Label);
            json.WriteString("unit", metric.Unit);
            json.WriteString("unitSymbol", metric.UnitSymbol);
            json.WriteEndObject();
        }

        json.WriteEndArray();
    }

    private static void WriteValue(Utf8JsonWriter json, string name, double value)
    {
        if (double.IsFinite(value))
        {
            json.WriteNumber(name, value);
        }
        else
        {
            json.WriteNull(name);
        }
    }
}
