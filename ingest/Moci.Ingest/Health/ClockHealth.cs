namespace Moci.Ingest.Health;

/// <summary>The clock part of a <see cref="StationHealth"/>.</summary>
/// <param name="Source">What vouches for the station's clock: <c>ntp</c>, <c>gps</c> or <c>none</c>, or <c>system</c> for a simulated station (other words are kept as sent).</param>
/// <param name="Synchronised">False while the station flags the readings it takes <c>clock_suspect</c>.</param>
public sealed record ClockHealth(string Source, bool Synchronised);
