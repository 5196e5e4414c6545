namespace Moci.Telemetry.Protocol;

/// <summary>
/// Why the hub did not store a message or a record of it, in kinds coarse enough to count (see
/// <see cref="RejectionKindNames"/> for the names the health report uses). The reason text says the rest.
/// </summary>
public enum RejectionKind
{
    /// <summary>The message came on a topic that is not <c>moci/v1/{stationId}/senml</c>.</summary>
    BadTopic,

    /// <summary>The topic names a station the hub does not know.</summary>
    Unregistered,

    /// <summary>The payload is not a valid SenML pack (RFC 8428); the whole message is kept.</summary>
    InvalidPack,

    /// <summary>The record names another station than the topic it came on.</summary>
    OtherStation,

    /// <summary>The record names no metric of the catalogue.</summary>
    UnknownMetric,

    /// <summary>The metric does not fit the station's kind (a water metric from an air station, say).</summary>
    WrongKind,

    /// <summary>The record carries no numeric value.</summary>
    NoValue,

    /// <summary>The record's unit is not accepted for its metric.</summary>
    BadUnit,

    /// <summary>The value is not a finite number once converted into the metric's unit.</summary>
    NonFinite,

    /// <summary>The record's time lies further ahead of the hub's clock than the tolerance allows.</summary>
    Future,

    /// <summary>The record's time lies before 2000-01-01T00:00:00Z: the station's clock was never set.</summary>
    Before2000,

    /// <summary>The record's time lies before the backfill window.</summary>
    TooOld,

    /// <summary>The hub failed while reading the message (a defect of the hub); the whole message is kept.</summary>
    InternalError,

    /// <summary>A message on a station's health topic is not a health report of the documented shape; the whole message is kept.</summary>
    InvalidHealth,
}
