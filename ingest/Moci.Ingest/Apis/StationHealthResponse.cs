using Moci.Ingest.Health;

namespace Moci.Ingest.Apis;

/// <summary>A station's newest health report, as <c>GET /api/v1/stations/{id}/health</c> answers.</summary>
/// <param name="Station">The station id.</param>
/// <param name="ReceivedAt">When the hub first received the report (UTC, the hub's clock).</param>
/// <param name="AgeSeconds">Seconds since the station made the report (<c>report.at</c>), by the hub's clock.</param>
/// <param name="Warnings">What is wrong with the station, one plain sentence each; empty when nothing is.</param>
/// <param name="Report">The report as the station sent it (docs/wire-protocol.md, "Station health"), without fields the hub does not know.</param>
public sealed record StationHealthResponse(string Station, DateTimeOffset ReceivedAt, double AgeSeconds, IReadOnlyList<string> Warnings, StationHealth Report)
{
    /// <summary>The answer for <paramref name="health"/> at <paramref name="now"/>.</summary>
    public static StationHealthResponse From(LatestHealth health, DateTimeOffset now) => new(
        health.Report.Station,
        health.ReceivedAt,
        Math.Round((now - health.Report.At).TotalSeconds, 3),
        health.Warnings(),
        health.Report);
}
