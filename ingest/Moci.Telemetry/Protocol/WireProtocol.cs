namespace Moci.Telemetry.Protocol;

/// <summary>Constants of wire protocol v1 that are not topics (ARCHITECTURE.md, Wire protocol v1).</summary>
public static class WireProtocol
{
    /// <summary>The MQTT 5 user property that carries a batch's per-station, increasing sequence number.</summary>
    public const string SequenceProperty = "seq";

    /// <summary>Retained status payload while a station is connected.</summary>
    public const string Online = "online";

    /// <summary>Retained status payload set by the last will when a station drops off.</summary>
    public const string Offline = "offline";

    /// <summary>SenML content type of a readings batch (RFC 8428 §12.3), sent as the MQTT 5 content type.</summary>
    public const string SenMLContentType = "application/senml+json";

    /// <summary>The SenML base name of a station's records: <c>urn:dev:moci:{stationId}:</c>.</summary>
    public static string BaseName(string stationId) => $"urn:dev:moci:{stationId}:";
}
