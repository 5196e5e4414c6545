using System.Collections.Frozen;
using System.Globalization;
using System.Text.Json;
using Moci.Telemetry.Metrics;
using Moci.Telemetry.Protocol;
using Moci.Telemetry.SenML;
using Moci.Telemetry.Stations;

namespace Moci.Ingest.Intake;

/// <summary>
/// Reads the JSON a Sensor.Community ("airrohr") kit posts to its "Send data to custom API" address, and maps
/// its value types onto the metric catalogue as SenML records. No I/O. Thread-safe: stateless.
/// </summary>
/// <remarks>
/// The firmware (opendata-stuttgart/sensors-software, <c>airrohr-firmware/airrohr-firmware.ino</c> at
/// e43cf8f, <c>sendDataToOptionalApis</c>; entries written by <c>add_Value2Json</c> in <c>utils.cpp</c>) sends
/// <c>{"esp8266id": "…", "software_version": "NRZ-…", "sensordatavalues":[{"value_type":"SDS_P1","value":"20.10"}, …]}</c>:
/// every value a string printed from a float with two decimals ("nan" when a read failed), pressure in Pa,
/// followed by the kit's own figures (<c>samples</c>, <c>min_micro</c>, <c>max_micro</c>, <c>interval</c>,
/// <c>signal</c>). The body carries no time.
/// </remarks>
public static class AirrohrDecoder
{
    private static readonly JsonDocumentOptions JsonOptions = new()
    {
        AllowTrailingCommas = true,
        CommentHandling = JsonCommentHandling.Skip,
        MaxDepth = 16,
    };

    /// <summary>
    /// What Arduino's <c>String(float)</c> prints for a value that is not a finite number, which the firmware
    /// sends when a read fails; also the .NET spellings.
    /// </summary>
    private static readonly string[] FailedReads = ["nan", "inf", "-inf", "ovf", "Infinity", "-Infinity"];

    private const string ExpectedShape = """a JSON object {"sensordatavalues": [{"value_type": "SDS_P1", "value": "12.3"}, …]} as the airrohr firmware sends""";

    // Value types of the firmware's fetchSensor* functions and the unit each is measured in. P1 is PM10 and
    // P2 is PM2.5 throughout, P0 is PM1; the DHT22 writes plain "temperature" and "humidity".
    // DS18B20_temperature depends on the station's kind (see MetricFor).
    private static readonly FrozenDictionary<string, (Metric Metric, string Unit)> Metrics = new Dictionary<string, (Metric, string)>
    {
        ["SDS_P1"] = (MetricCatalogue.Pm10, MetricCatalogue.Pm10.Unit),
        ["SDS_P2"] = (MetricCatalogue.Pm2_5, MetricCatalogue.Pm2_5.Unit),
        ["PMS_P0"] = (MetricCatalogue.Pm1, MetricCatalogue.Pm1.Unit),
        ["PMS_P1"] = (MetricCatalogue.Pm10, MetricCatalogue.Pm10.Unit),
        ["PMS_P2"] = (MetricCatalogue.Pm2_5, MetricCatalogue.Pm2_5.Unit),
        ["HPM_P1"] = (MetricCatalogue.Pm10, MetricCatalogue.Pm10.Unit),
        ["HPM_P2"] = (MetricCatalogue.Pm2_5, MetricCatalogue.Pm2_5.Unit),
        ["SPS30_P0"] = (MetricCatalogue.Pm1, MetricCatalogue.Pm1.Unit),
        ["SPS30_P1"] = (MetricCatalogue.Pm10, MetricCatalogue.Pm10.Unit),
        ["SPS30_P2"] = (MetricCatalogue.Pm2_5, MetricCatalogue.Pm2_5.Unit),
        ["BME280_temperature"] = (MetricCatalogue.Temperature, MetricCatalogue.Temperature.Unit),
        ["BME280_humidity"] = (MetricCatalogue.Humidity, MetricCatalogue.Humidity.Unit),
        ["BME280_pressure"] = (MetricCatalogue.Pressure, "Pa"),
        ["BMP280_temperature"] = (MetricCatalogue.Temperature, MetricCatalogue.Temperature.Unit),
        ["BMP280_pressure"] = (MetricCatalogue.Pressure, "Pa"),
        ["SHT3X_temperature"] = (MetricCatalogue.Temperature, MetricCatalogue.Temperature.Unit),
        ["SHT3X_humidity"] = (MetricCatalogue.Humidity, MetricCatalogue.Humidity.Unit),
        ["temperature"] = (MetricCatalogue.Temperature, MetricCatalogue.Temperature.Unit),
        ["humidity"] = (MetricCatalogue.Humidity, MetricCatalogue.Humidity.Unit),
        ["DS18B20_temperature"] = (MetricCatalogue.Temperature, MetricCatalogue.Temperature.Unit),
        ["SCD30_co2_ppm"] = (MetricCatalogue.Co2, MetricCatalogue.Co2.Unit),
    }.ToFrozenDictionary(StringComparer.OrdinalIgnoreCase);

    /// <summary>
    /// Reads one body. Entries of unknown value types are ignored, entries whose value is not a number (or
    /// that give a metric a second value) are rejected one by one; only a body that is not airrohr JSON at
    /// all fails as a whole.
    /// </summary>
    /// <param name="body">The request body, UTF-8 JSON.</param>
    /// <param name="stationId">The station the kit posts as; record names carry its SenML base name.</param>
    /// <param name="kind">The station's kind: a DS18B20 on a water station measures the water.</param>
    /// <param name="receivedAt">The hub's clock at arrival, which becomes every record's time.</param>
    /// <param name="payload">What the body holds, when it is airrohr JSON.</param>
    /// <param name="error">What is wrong with the body, when it is not.</param>
    public static bool TryDecode(
        ReadOnlyMemory<byte> body,
        string stationId,
        StationKind kind,
        DateTimeOffset receivedAt,
        [System.Diagnostics.CodeAnalysis.NotNullWhen(true)] out AirrohrPayload? payload,
        [System.Diagnostics.CodeAnalysis.NotNullWhen(false)] out string? error)
    {
        payload = null;
        if (body.Span.StartsWith("\uFEFF"u8))
        {
            body = body[3..];
        }

        if (body.Span.Trim(" \t\r\n"u8).IsEmpty)
        {
            error = $"the body is empty; send {ExpectedShape}";
            return false;
        }

        // The reader checks UTF-8 only when a string is read, which would be too late to fail as a whole.
        if (!System.Text.Unicode.Utf8.IsValid(body.Span))
        {
            error = $"the body is not UTF-8 text; send {ExpectedShape}";
            return false;
        }

        JsonDocument document;
        try
        {
            document = JsonDocument.Parse(body, JsonOptions);
        }
        catch (JsonException ex)
        {
            error = $"the body is not valid JSON ({ex.Message}); send {ExpectedShape}";
            return false;
        }

        using (document)
        {
            var root = document.RootElement;
            if (root.ValueKind != JsonValueKind.Object)
            {
                error = $"the body is a JSON {Describe(root.ValueKind)}; send {ExpectedShape}";
                return false;
            }

            if (!root.TryGetProperty("sensordatavalues", out var entries) || entries.ValueKind != JsonValueKind.Array)
            {
                error = $"the body has no 'sensordatavalues' array; send {ExpectedShape}";
                return false;
            }

            payload = Read(root, entries, WireProtocol.BaseName(stationId), kind, SenMLTime.ToSeconds(receivedAt));
            error = null;
            return true;
        }
    }

    private static AirrohrPayload Read(JsonElement root, JsonElement entries, string baseName, StationKind kind, double time)
    {
        var values = new List<AirrohrValue>();
        var rejected = new List<AirrohrRejection>();
        var ignored = new List<string>();
        var seen = new HashSet<string>(StringComparer.Ordinal);
        var ignoredValues = 0;
        var index = 0;
        foreach (var entry in entries.EnumerateArray())
        {
            index++;
            var text = entry.GetRawText();
            if (entry.ValueKind != JsonValueKind.Object)
            {
                rejected.Add(new AirrohrRejection(null, text, $"entry {index} of 'sensordatavalues' is a JSON {Describe(entry.ValueKind)}, not an object {{\"value_type\": …, \"value\": …}}"));
                continue;
            }

            if (!entry.TryGetProperty("value_type", out var typeElement) || typeElement.ValueKind != JsonValueKind.String ||
                typeElement.GetString() is not { Length: > 0 } valueType)
            {
                rejected.Add(new AirrohrRejection(null, text, $"entry {index} of 'sensordatavalues' has no 'value_type' string"));
                continue;
            }

            if (!Metrics.TryGetValue(valueType, out var mapping))
            {
                ignoredValues++;
                if (seen.Add(valueType))
                {
                    ignored.Add(valueType);
                }

                continue;
            }

            var metric = MetricFor(valueType, mapping.Metric, kind);
            if (!TryReadNumber(entry, out var number, out var sent))
            {
                rejected.Add(new AirrohrRejection(valueType, text, sent switch
                {
                    null => $"'{valueType}' has no 'value'",
                    _ when IsFailedRead(sent) =>
                        $"'{valueType}' has the value '{sent}', which is not a finite number (the kit writes nan, inf or ovf when a sensor read fails: check the sensor and its wiring)",
                    _ => $"'{valueType}' has the value '{sent}', which is not a number",
                }, sent is not null && IsFailedRead(sent) ? RejectionKind.NonFinite : RejectionKind.NoValue));
                continue;
            }

            if (values.FirstOrDefault(v => v.Record.Name == baseName + metric.Name) is { } first)
            {
                // The store keeps one value per station, metric and instant, and every value of a body has the same instant.
                rejected.Add(new AirrohrRejection(valueType, text,
                    $"'{valueType}' gives {metric.Name} a second value in one message (the first came from '{first.ValueType}'); " +
                    $"the hub keeps one {metric.Name} per station and time, so switch one of the two sensors off in the kit's configuration"));
                continue;
            }

            values.Add(new AirrohrValue(valueType, text, new SenMLRecord(baseName + metric.Name, mapping.Unit, number, Time: time)));
        }

        return new AirrohrPayload(Text(root, "esp8266id"), Text(root, "software_version"), values, rejected, ignored, ignoredValues);
    }

    private static Metric MetricFor(string valueType, Metric metric, StationKind kind) =>
        kind == StationKind.Water && valueType.Equals("DS18B20_temperature", StringComparison.OrdinalIgnoreCase)
            ? MetricCatalogue.WaterTemperature
            : metric;

    /// <summary>Reads "value" as the firmware writes it (a string) or as a JSON number; only finite numbers count.</summary>
    private static bool TryReadNumber(JsonElement entry, out double number, out string? sent)
    {
        number = double.NaN;
        sent = null;
        if (!entry.TryGetProperty("value", out var value) || value.ValueKind is JsonValueKind.Null)
        {
            return false;
        }

        sent = value.ValueKind == JsonValueKind.String ? value.GetString()! : value.GetRawText();
        var parsed = value.ValueKind switch
        {
            JsonValueKind.Number => value.TryGetDouble(out number),
            // NumberStyles.Float takes "20.10", "-3", "1e5"; it also takes "NaN" and "Infinity", refused below.
            JsonValueKind.String => double.TryParse(sent.Trim(), NumberStyles.Float, CultureInfo.InvariantCulture, out number),
            _ => false,
        };
        return parsed && double.IsFinite(number);
    }

    private static bool IsFailedRead(string sent) => FailedReads.Contains(sent.Trim(), StringComparer.OrdinalIgnoreCase);

    private static string? Text(JsonElement root, string name) => root.TryGetProperty(name, out var value)
        ? value.ValueKind switch
        {
            JsonValueKind.String => value.GetString(),
            JsonValueKind.Number => value.GetRawText(),
            _ => null,
        }
        : null;

    private static string Describe(JsonValueKind kind) => kind switch
    {
        JsonValueKind.Array => "array",
        JsonValueKind.String => "string",
        JsonValueKind.Number => "number",
        JsonValueKind.True or JsonValueKind.False => "boolean",
        JsonValueKind.Null => "null",
        _ => "object",
    };
}
