using System.Globalization;
using CsvHelper;
using Moci.Telemetry.Metrics;

namespace Moci.Cli.Import;

/// <summary>
/// Reads the daily CSV files of the Sensor.Community archive (archive.sensor.community): ';'-separated, a
/// header, one measurement per row, times in UTC. <c>sensor_id;sensor_type;location;lat;lon;timestamp;P1;durP1;
/// ratioP1;P2;durP2;ratioP2</c> for dust sensors such as the SDS011 (P1 = PM10, P2 = PM2.5, µg/m³), and
/// <c>…;timestamp;temperature;humidity</c> (DHT22) or <c>…;timestamp;pressure;altitude;pressure_sealevel;
/// temperature;humidity</c> (BME280, pressure in Pa) for the others. Columns it does not know are ignored.
/// </summary>
internal static class SensorCommunityArchive
{
    private static readonly (string Column, Metric Metric, string Unit)[] Measurements =
    [
        ("P0", MetricCatalogue.Pm1, "ug/m3"),
        ("P1", MetricCatalogue.Pm10, "ug/m3"),
        ("P2", MetricCatalogue.Pm2_5, "ug/m3"),
        ("temperature", MetricCatalogue.Temperature, "Cel"),
        ("humidity", MetricCatalogue.Humidity, "%RH"),
        ("pressure", MetricCatalogue.Pressure, "Pa"),
    ];

    private static readonly string[] Required = ["sensor_id", "sensor_type", "timestamp"];

    /// <summary>The rows of <paramref name="path"/>, each a record or an error, in file order.</summary>
    /// <exception cref="FormatException">The file is not an archive file: a required column is missing, or it has no measurement column.</exception>
    public static IEnumerable<ArchiveLine> Read(string path)
    {
        using var csv = CsvReader.Create(File.OpenRead(path), new CsvReaderOptions
        {
            Separator = ';',
            HasHeader = true,
            TrackLineNumbers = true,
            FormatProvider = CultureInfo.InvariantCulture,
        });
        var headers = csv.Headers.ToList();
        var missing = Required.Where(name => !headers.Contains(name)).ToList();
        if (missing.Count > 0)
        {
            throw new FormatException($"it has no column {string.Join(", ", missing)}; a Sensor.Community archive file starts with sensor_id;sensor_type;location;lat;lon;timestamp;…");
        }

        var columns = Measurements.Where(m => headers.Contains(m.Column)).Select(m => (Index: Index(headers, m.Column), m.Column, m.Metric, m.Unit)).ToList();
        if (columns.Count == 0)
        {
            throw new FormatException($"it has no measurement column ({string.Join(", ", Measurements.Select(m => m.Column))})");
        }

        int sensorId = Index(headers, "sensor_id"), sensorType = Index(headers, "sensor_type"), timestamp = Index(headers, "timestamp");
        int lat = Index(headers, "lat"), lon = Index(headers, "lon");
        while (csv.Read())
        {
            yield return Check(csv, columns, sensorId, sensorType, timestamp, lat, lon, headers.Count);
        }
    }

    private static ArchiveLine Check(CsvReader csv, List<(int Index, string Column, Metric Metric, string Unit)> columns, int sensorId, int sensorType, int timestamp, int lat, int lon, int headerCount)
    {
        var line = csv.LineNumber;
        ArchiveLine Error(string message) => new(line, null, message);

        if (csv.FieldCount != headerCount)
        {
            return Error($"{csv.FieldCount} fields where the header has {headerCount}.");
        }

        if (!long.TryParse(csv.GetString(sensorId), NumberStyles.None, CultureInfo.InvariantCulture, out var id) || id <= 0)
        {
            return Error($"sensor_id '{csv.GetString(sensorId)}' is not a sensor number such as 12345.");
        }

        var type = csv.GetString(sensorType).Trim();
        if (type.Length == 0)
        {
            return Error("sensor_type is empty; it names the sensor model, e.g. SDS011.");
        }

        var time = csv.GetString(timestamp);
        if (!DateTimeOffset.TryParse(time, CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal | DateTimeStyles.AdjustToUniversal, out var instant))
        {
            return Error($"timestamp '{time}' is not an ISO 8601 time such as 2024-01-01T00:00:37.");
        }

        if (!Coordinate(csv, lat, "lat", 90, out var latitude, out var problem) || !Coordinate(csv, lon, "lon", 180, out var longitude, out problem))
        {
            return Error(problem!);
        }

        var values = new List<(Metric, double)>();
        foreach (var (index, column, metric, unit) in columns)
        {
            var text = csv.GetString(index);
            if (string.IsNullOrWhiteSpace(text))
            {
                continue;
            }

            if (!double.TryParse(text, NumberStyles.Float, CultureInfo.InvariantCulture, out var value) || !double.IsFinite(value))
            {
                return Error($"{column} '{text}' is not a number.");
            }

            metric.TryConvertFrom(unit, value, out var converted);
            values.Add((metric, converted));
        }

        if (values.Count == 0)
        {
            return Error($"no value in {string.Join(", ", columns.Select(c => c.Column))}.");
        }

        return new ArchiveLine(line, new ArchiveRecord(line, id, type, latitude, longitude, instant, values), null);
    }

    private static bool Coordinate(CsvReader csv, int index, string name, double limit, out double? value, out string? problem)
    {
        value = null;
        problem = null;
        if (index < 0 || string.IsNullOrWhiteSpace(csv.GetString(index)))
        {
            return true;
        }

        var text = csv.GetString(index);
        if (double.TryParse(text, NumberStyles.Float, CultureInfo.InvariantCulture, out var parsed) && Math.Abs(parsed) <= limit)
        {
            value = parsed;
            return true;
        }

        problem = $"{name} '{text}' is not a coordinate in degrees between -{limit} and {limit}.";
        return false;
    }

    private static int Index(IReadOnlyList<string> headers, string name)
    {
        for (var i = 0; i < headers.Count; i++)
        {
            if (headers[i] == name)
            {
                return i;
            }
        }

        return -1;
    }
}
