using System.CommandLine;
using System.Globalization;
using Moci.Cli.Commands.DeadLetters;
using Moci.Cli.Import;
using Moci.Ingest.Exports;
using Moci.Ingest.Stations;
using Moci.Ingest.Storage;
using Moci.Telemetry.Readings;
using Moci.Telemetry.Stations;

namespace Moci.Cli.Commands.Import;

/// <summary>
/// <c>moci import FILE…</c>: readings of public Sensor.Community sensors from archive CSV files, stored under
/// external reference stations <c>sc-&lt;sensor_id&gt;</c>, so that a school can compare its kit with them.
/// </summary>
internal sealed class ImportCommand : Command
{
    private const int BatchSize = 5_000;

    private readonly CliContext _context;
    private readonly DatabaseOption _database;
    private readonly Argument<string[]> _files = new("FILE")
    {
        Arity = ArgumentArity.OneOrMore,
        Description = "Sensor.Community archive files (one sensor and day each), e.g. 2024-01-01_sds011_sensor_12345.csv.",
    };

    public ImportCommand(CliContext context, DatabaseOption database)
        : base("import", $"""
            Import readings of public Sensor.Community sensors from archive files (archive.sensor.community, ';'-separated:
            sensor_id;sensor_type;location;lat;lon;timestamp;P1;…;P2;… or …;temperature;humidity). Each sensor becomes an
            external reference station sc-<sensor_id> (registered on first import, without a secret: it never connects),
            marked "{ExternalSource.SensorCommunity.Initiative}"; exports state its licence ({ExternalSource.SensorCommunity.Licence}).
            P1 is stored as pm10, P2 as pm2_5, pressure converted from Pa to hPa; values outside what a sensor can measure
            are kept and flagged out_of_range. A bad row is reported with its line and reason and the rest is imported.
            Safe to run again: readings already stored count as such.
            """)
    {
        _context = context;
        _database = database;
        Arguments.Add(_files);
        SetAction(RunAsync);
    }

    private async Task<int> RunAsync(ParseResult result, CancellationToken cancellationToken)
    {
        var files = result.GetRequiredValue(_files).Select(_context.FullPath).ToList();
        foreach (var file in files.Where(f => !File.Exists(f)))
        {
            throw new CliException(ExitCodes.CannotUseFiles, $"FILE: '{file}' does not exist; nothing was imported.");
        }

        var path = _database.Resolve(result, _context);
        using var stations = HubDatabase.OpenOrCreate(path, _context);
        using var readings = DeadLetterFiles.OpenReadings(path, _context.Time);
        var registered = new Dictionary<long, string?>();
        var created = new List<Station>();
        var tallies = new List<ImportTally>();
        foreach (var file in files)
        {
            var tally = new ImportTally(file);
            tallies.Add(tally);
            try
            {
                await ImportFileAsync(file, stations, readings, registered, created, tally, cancellationToken);
            }
            catch (Exception ex) when (ex is FormatException or IOException or UnauthorizedAccessException)
            {
                tally.FileError = ex.Message;
            }
        }

        Report(tallies, created);
        return tallies.Any(t => t.FileError is not null) ? ExitCodes.CannotUseFiles : ExitCodes.Success;
    }

    private static async Task ImportFileAsync(
        string file, StationStore stations, SqliteReadingStore readings, Dictionary<long, string?> registered, List<Station> created, ImportTally tally, CancellationToken cancellationToken)
    {
        var batch = new List<Reading>(BatchSize);
        foreach (var line in SensorCommunityArchive.Read(file))
        {
            tally.Rows++;
            if (line.Record is not { } record)
            {
                tally.Refuse(line.Line, line.Error!);
                continue;
            }

            if (!registered.TryGetValue(record.SensorId, out var refusal))
            {
                refusal = Register(record, stations, created);
                registered[record.SensorId] = refusal;
            }

            if (refusal is not null)
            {
                tally.Refuse(line.Line, refusal);
                continue;
            }

            foreach (var (metric, value) in record.Values)
            {
                var flags = metric.IsPlausible(value) ? QaFlags.None : QaFlags.OutOfRange;
                tally.OutOfRange += flags == QaFlags.None ? 0 : 1;
                batch.Add(new Reading(StationId(record.SensorId), metric.Name, record.Timestamp, value, flags));
            }

            if (batch.Count >= BatchSize)
            {
                await StoreAsync(readings, batch, tally, cancellationToken);
            }
        }

        await StoreAsync(readings, batch, tally, cancellationToken);
    }

    private static async Task StoreAsync(SqliteReadingStore readings, List<Reading> batch, ImportTally tally, CancellationToken cancellationToken)
    {
        if (batch.Count == 0)
        {
            return;
        }

        var written = await readings.WriteAsync(batch, cancellationToken);
        tally.Stored += written.Inserted;
        tally.AlreadyStored += written.Duplicates;
        tally.Conflicts += written.Conflicts.Count;
        batch.Clear();
    }

    private static string StationId(long sensorId) => string.Create(CultureInfo.InvariantCulture, $"{ExternalSource.SensorCommunity.IdPrefix}{sensorId}");

    /// <summary>Registers the sensor's station when it is new; the reason its rows cannot be imported, or null.</summary>
    private static string? Register(ArchiveRecord record, StationStore stations, List<Station> created)
    {
        var id = StationId(record.SensorId);
        if (stations.Find(id) is { } existing)
        {
            return ExternalSource.Of(existing.Station) == ExternalSource.SensorCommunity
                ? null
                : $"the station id {id} is taken by a station that is not a Sensor.Community import (\"{existing.Station.Name}\"); its rows are left out.";
        }

        if (record.Latitude is not { } latitude || record.Longitude is not { } longitude)
        {
            return $"sensor {record.SensorId} is not registered yet and this row gives no lat and lon to register it with.";
        }

        var station = new Station(
            id,
            $"Sensor.Community {record.SensorType} #{record.SensorId} (external)",
            StationKind.Air,
            latitude,
            longitude,
            ExternalSource.SensorCommunity.Initiative,
            StationState.Active);
        stations.Add(station, secretHash: null);
        created.Add(station);
        return null;
    }

    private void Report(List<ImportTally> tallies, List<Station> created)
    {
        var output = _context.Out;
        foreach (var tally in tallies)
        {
            if (tally.FileError is not null)
            {
                output.WriteLine($"{tally.File}: not imported: {tally.FileError}.");
                continue;
            }

            output.WriteLine(string.Create(CultureInfo.InvariantCulture,
                $"{tally.File}: {tally.Rows:N0} rows read, {tally.Stored:N0} readings stored ({tally.AlreadyStored:N0} already stored, {tally.Conflicts:N0} conflicts with stored values, {tally.OutOfRange:N0} flagged out_of_range), {tally.Refused:N0} rows refused."));
            foreach (var error in tally.Errors)
            {
                output.WriteLine($"  {error}");
            }

            if (tally.Refused > tally.Errors.Count)
            {
                output.WriteLine(string.Create(CultureInfo.InvariantCulture, $"  … and {tally.Refused - tally.Errors.Count:N0} more refused rows."));
            }
        }

        foreach (var station in created)
        {
            output.WriteLine(string.Create(CultureInfo.InvariantCulture,
                $"Registered external reference station {station.Id} \"{station.Name}\" at {station.Latitude}, {station.Longitude}."));
        }
    }
}
