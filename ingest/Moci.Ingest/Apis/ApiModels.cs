using Moci.Ingest.Stations;
using Moci.Telemetry.Stations;

namespace Moci.Ingest.Apis;

/// <summary>A station as the API shows it.</summary>
public sealed record StationResponse(string Id, string Name, StationKind Kind, double Latitude, double Longitude, string? Initiative, bool? Online)
{
    public static StationResponse From(Station station, bool? online) =>
        new(station.Id, station.Name, station.Kind, station.Latitude, station.Longitude, station.Initiative, online);
}

/// <summary>The newest value of one metric of a station.</summary>
/// <param name="AgeSeconds">Seconds between the reading and the hub's clock when answering.</param>
public sealed record LatestValueResponse(string Metric, string Unit, DateTimeOffset Timestamp, double Value, string[] Flags, double AgeSeconds);

/// <summary>A station's newest value of every metric it reports.</summary>
public sealed record LatestResponse(string Station, IReadOnlyList<LatestValueResponse> Values);

/// <summary>One reading in a range query.</summary>
public sealed record ReadingValue(DateTimeOffset Timestamp, double Value, string[] Flags);

/// <summary>Readings of one series in the half-open range [From, To), streamed.</summary>
public sealed record ReadingsResponse(string Station, string Metric, string Unit, DateTimeOffset From, DateTimeOffset To, IAsyncEnumerable<ReadingValue> Readings);

/// <summary>A metric of the catalogue.</summary>
public sealed record MetricResponse(string Name, string Label, string Unit, string UnitSymbol, string Medium, double PlausibleMinimum, double PlausibleMaximum, int Decimals);
