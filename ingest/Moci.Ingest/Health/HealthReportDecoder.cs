using System.Buffers;
using System.Diagnostics.CodeAnalysis;
using System.Text.Json;
using Moci.Telemetry.Protocol;

namespace Moci.Ingest.Health;

/// <summary>
/// Reads a station's health report (JSON, RFC 8259) and checks its shape: the fields the hub shows must be there with
/// the right types, fields it does not know are ignored (the wire protocol lets stations add some), and text is cut to
/// a length a page can show. Errors name the field and say what it must be. No I/O; thread-safe (stateless).
/// </summary>
public static class HealthReportDecoder
{
    /// <summary>The largest report read, in bytes: a station with a dozen sensors, each with a long error, sends about 5 KiB.</summary>
    public const int MaxPayloadBytes = 32 * 1024;

    /// <summary>The most sensors a report may list.</summary>
    public const int MaxSensors = 64;

    /// <summary>Longest sensor name, type, state or clock source kept, in characters.</summary>
    public const int MaxNameLength = 64;

    /// <summary>Longest sensor error kept, in characters; a longer one is cut and ends with '…'.</summary>
    public const int MaxErrorLength = 500;

    private static readonly JsonDocumentOptions DocumentOptions = new() { MaxDepth = 16 };

    /// <summary>Reads <paramref name="payload"/>, a report that came on <paramref name="stationId"/>'s health topic.</summary>
    /// <param name="stationId">The station whose topic it came on; the report must name the same.</param>
    /// <param name="payload">The message as received.</param>
    /// <param name="report">The report when it is valid.</param>
    /// <param name="error">Otherwise what is wrong, in words that say what to fix.</param>
    public static bool TryDecode(
        string stationId,
        ReadOnlySequence<byte> payload,
        [NotNullWhen(true)] out StationHealth? report,
        [NotNullWhen(false)] out string? error)
    {
        report = null;
        if (payload.Length > MaxPayloadBytes)
        {
            error = $"the report is {payload.Length} bytes, more than the {MaxPayloadBytes} a health report may have";
            return false;
        }

        JsonDocument document;
        try
        {
            document = JsonDocument.Parse(payload, DocumentOptions);
        }
        catch (JsonException ex)
        {
            error = $"the report is not valid JSON: {LogText.Escape(ex.Message, 200)}";
            return false;
        }

        using (document)
        {
            try
            {
                report = Read(document.RootElement, stationId);
                error = null;
                return true;
            }
            catch (InvalidReportException ex)
            {
                error = ex.Message;
                return false;
            }
        }
    }

    private static StationHealth Read(JsonElement root, string stationId)
    {
        if (root.ValueKind != JsonValueKind.Object)
        {
            throw new InvalidReportException($"the report must be a JSON object, not {Describe(root)}");
        }

        var station = Text(root, "station", "station", MaxNameLength);
        if (station != stationId)
        {
            throw new InvalidReportException($"'station' is {LogText.Quote(station)} but the report came on the health topic of '{stationId}'; a station reports only about itself");
        }

        var outbox = Object(root, "outbox", "outbox");
        var clock = Object(root, "clock", "clock");
        if (!root.TryGetProperty("sensors", out var sensors) || sensors.ValueKind != JsonValueKind.Array)
        {
            throw new InvalidReportException($"'sensors' must be an array of the station's sensors, not {Describe(sensors)}");
        }

        if (sensors.GetArrayLength() > MaxSensors)
        {
            throw new InvalidReportException($"'sensors' lists {sensors.GetArrayLength()} sensors, more than the {MaxSensors} a report may have");
        }

        return new StationHealth(
            station,
            Instant(root, "at", "at") ?? throw Missing("at", "the time of the report in ISO 8601 with its offset"),
            OptionalNumber(root, "uptimeSeconds", "uptimeSeconds"),
            OptionalNumber(root, "bridgeUptimeSeconds", "bridgeUptimeSeconds"),
            OptionalNumber(root, "cpuTemperatureCelsius", "cpuTemperatureCelsius"),
            OptionalCount(root, "diskFreeBytes", "diskFreeBytes"),
            new OutboxHealth(
                OptionalCount(outbox, "depth", "outbox.depth") ?? throw Missing("outbox.depth", "a whole number ≥ 0"),
                OptionalNumber(outbox, "oldestAgeSeconds", "outbox.oldestAgeSeconds"),
                OptionalCount(outbox, "dropped", "outbox.dropped") ?? throw Missing("outbox.dropped", "a whole number ≥ 0")),
            new ClockHealth(
                Text(clock, "source", "clock.source", MaxNameLength),
                clock.TryGetProperty("synchronised", out var synchronised) && synchronised.ValueKind is JsonValueKind.True or JsonValueKind.False
                    ? synchronised.GetBoolean()
                    : throw new InvalidReportException($"'clock.synchronised' must be true or false, not {Describe(synchronised)}")),
            [.. sensors.EnumerateArray().Select(ReadSensor)]);
    }

    private static SensorHealth ReadSensor(JsonElement sensor, int index)
    {
        var at = $"sensors[{index}]";
        if (sensor.ValueKind != JsonValueKind.Object)
        {
            throw new InvalidReportException($"'{at}' must be an object with the sensor's name, type and state, not {Describe(sensor)}");
        }

        return new SensorHealth(
            Text(sensor, "name", at + ".name", MaxNameLength),
            Text(sensor, "type", at + ".type", MaxNameLength),
            Text(sensor, "state", at + ".state", MaxNameLength),
            OptionalText(sensor, "lastError", at + ".lastError", MaxErrorLength),
            Instant(sensor, "lastErrorAt", at + ".lastErrorAt"),
            Instant(sensor, "lastSampleAt", at + ".lastSampleAt"));
    }

    private static JsonElement Object(JsonElement parent, string name, string path) =>
        parent.TryGetProperty(name, out var value) && value.ValueKind == JsonValueKind.Object
            ? value
            : throw new InvalidReportException($"'{path}' must be an object, not {Describe(value)}");

    private static string Text(JsonElement parent, string name, string path, int maxLength) =>
        OptionalText(parent, name, path, maxLength) is { Length: > 0 } text
            ? text
            : throw Missing(path, "a non-empty string");

    private static string? OptionalText(JsonElement parent, string name, string path, int maxLength)
    {
        if (!parent.TryGetProperty(name, out var value) || value.ValueKind == JsonValueKind.Null)
        {
            return null;
        }

        if (value.ValueKind != JsonValueKind.String)
        {
            throw new InvalidReportException($"'{path}' must be a string, not {Describe(value)}");
        }

        var text = value.GetString()!;
        return text.Length <= maxLength ? text : text[..(maxLength - 1)] + "…";
    }

    private static DateTimeOffset? Instant(JsonElement parent, string name, string path)
    {
        if (!parent.TryGetProperty(name, out var value) || value.ValueKind == JsonValueKind.Null)
        {
            return null;
        }

        return value.ValueKind == JsonValueKind.String && value.TryGetDateTimeOffset(out var instant)
            ? instant.ToUniversalTime()
            : throw new InvalidReportException($"'{path}' must be a time in ISO 8601 with its offset (for example \"2026-11-20T10:05:00+00:00\"), not {Describe(value)}");
    }

    private static double? OptionalNumber(JsonElement parent, string name, string path)
    {
        if (!parent.TryGetProperty(name, out var value) || value.ValueKind == JsonValueKind.Null)
        {
            return null;
        }

        return value.ValueKind == JsonValueKind.Number && value.TryGetDouble(out var number) && double.IsFinite(number)
            ? number
            : throw new InvalidReportException($"'{path}' must be a number or null, not {Describe(value)}");
    }

    private static long? OptionalCount(JsonElement parent, string name, string path)
    {
        if (!parent.TryGetProperty(name, out var value) || value.ValueKind == JsonValueKind.Null)
        {
            return null;
        }

        return value.ValueKind == JsonValueKind.Number && value.TryGetInt64(out var count) && count >= 0
            ? count
            : throw new InvalidReportException($"'{path}' must be a whole number ≥ 0, not {Describe(value)}");
    }

    private static InvalidReportException Missing(string path, string what) => new($"'{path}' is missing: it must be {what}");

    /// <summary>What a JSON value is, for an error: its kind, and a short escaped quote of a string or number.</summary>
    private static string Describe(JsonElement value) => value.ValueKind switch
    {
        JsonValueKind.Undefined => "missing",
        JsonValueKind.Null => "null",
        JsonValueKind.String => "the string " + LogText.Quote(value.GetString(), 40),
        JsonValueKind.Number => "the number " + LogText.Escape(value.GetRawText(), 40),
        JsonValueKind.True or JsonValueKind.False => value.GetRawText(),
        JsonValueKind.Array => "an array",
        _ => "an object",
    };

    /// <summary>A report whose shape is wrong; its message is the reason kept with the dead letter.</summary>
    private sealed class InvalidReportException(string message) : Exception(message);
}
