namespace Moci.Ingest.Stations;

/// <summary>A station as the registry stores it: the public record and the hash of its secret.</summary>
/// <param name="Station">What the API shows.</param>
/// <param name="SecretHash">The salted hash of its secret (<see cref="StationSecret"/>), or null before one is issued.</param>
/// <param name="CreatedAt">When it was registered (UTC).</param>
/// <param name="UpdatedAt">When its secret or state last changed (UTC).</param>
public sealed record RegisteredStation(Station Station, string? SecretHash, DateTimeOffset CreatedAt, DateTimeOffset UpdatedAt);
