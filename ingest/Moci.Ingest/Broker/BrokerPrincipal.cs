namespace Moci.Ingest.Broker;

/// <summary>Who an MQTT connection authenticated as: one station, or the hub's own intake.</summary>
/// <param name="StationId">The station, or null for the intake.</param>
internal sealed record BrokerPrincipal(string? StationId)
{
    /// <summary>The hub's own intake client.</summary>
    public static readonly BrokerPrincipal Intake = new((string?)null);

    /// <summary>The key under which the principal is kept in the MQTT session's items.</summary>
    public const string SessionKey = "moci.principal";

    public bool IsIntake => StationId is null;
}
