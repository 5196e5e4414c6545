namespace Moci.Ingest.Intake;

/// <summary>A station's connection state and since when the hub knows it.</summary>
public sealed record PresenceState(bool Online, DateTimeOffset Since);
