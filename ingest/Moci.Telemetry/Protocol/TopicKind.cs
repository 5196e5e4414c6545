namespace Moci.Telemetry.Protocol;

/// <summary>The kinds of topic under <c>moci/v1/{stationId}/</c> (wire protocol v1).</summary>
public enum TopicKind
{
    /// <summary>SenML readings from the station: <c>senml</c>.</summary>
    Readings,

    /// <summary>Commit acknowledgements from the hub: <c>ack</c>.</summary>
    Ack,

    /// <summary>Retained online/offline state of the station: <c>status</c>.</summary>
    Status,

    /// <summary>Station health (outbox depth, dropped count, CPU temperature, disk, uptime, clock): <c>health</c>.</summary>
    Health,
}
