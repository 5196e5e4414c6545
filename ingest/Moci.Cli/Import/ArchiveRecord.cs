using Moci.Telemetry.Metrics;

namespace Moci.Cli.Import;

/// <summary>One row of a Sensor.Community archive file, checked.</summary>
/// <param name="Line">Its line in the file (1 is the header).</param>
/// <param name="SensorId">The sensor's number at Sensor.Community.</param>
/// <param name="SensorType">The sensor model, e.g. SDS011, DHT22, BME280.</param>
/// <param name="Latitude">WGS84 degrees, when the row gives it.</param>
/// <param name="Longitude">WGS84 degrees, when the row gives it.</param>
/// <param name="Timestamp">When it was measured (the archive's times are UTC).</param>
/// <param name="Values">Each value converted into its metric's catalogue unit.</param>
internal sealed record ArchiveRecord(
    long Line,
    long SensorId,
    string SensorType,
    double? Latitude,
    double? Longitude,
    DateTimeOffset Timestamp,
    IReadOnlyList<(Metric Metric, double Value)> Values);
