using System.CommandLine;
using InfluxDB.Client.Core.Exceptions;
using Moci.Cli.Commands.DeadLetters;
using Moci.Ingest.Storage;
using Moci.Ingest.Storage.Influx;
using Moci.Telemetry.Readings;
using Moci.Telemetry.Time;
using Spectre.Console;

namespace Moci.Cli.Commands.Migrate;

/// <summary>
/// <c>moci migrate --to influxdb</c>: copies the readings of the hub's SQLite store into an InfluxDB 2.x bucket, series
/// by series and oldest first, in batches of <see cref="InfluxReadingStore.PointsPerRequest"/>; resumable
/// (<see cref="MigrationProgress"/>); at the end counts each series in InfluxDB with Flux and compares.
/// </summary>
internal sealed class MigrateCommand : Command
{
    private readonly CliContext _context;
    private readonly DatabaseOption _database;
    private readonly Option<string> _to = new("--to") { HelpName = "STORE", Required = true, Description = "The store to copy to: influxdb." };
    private readonly Option<string> _url = new("--url") { HelpName = "URL", Required = true, Description = "InfluxDB 2.x, e.g. http://localhost:8086." };
    private readonly Option<string?> _token = new("--token") { HelpName = "TOKEN", Description = "An API token with write (and, to verify, read) access to the bucket; default $MOCI_INFLUXDB_TOKEN." };
    private readonly Option<string> _org = new("--org") { HelpName = "ORG", Required = true, Description = "The organisation's name or id." };
    private readonly Option<string> _bucket = new("--bucket") { HelpName = "BUCKET", Required = true, Description = "The bucket to copy to." };
    private readonly Option<bool> _noVerify = new("--no-verify") { Description = "Do not count the series in InfluxDB at the end (for a server that takes writes but has no Flux)." };

    public MigrateCommand(CliContext context, DatabaseOption database)
        : base("migrate", "Copy the readings of the hub's SQLite store into InfluxDB 2.x, with progress; run it again to carry on after a stop. Counts every series in InfluxDB at the end.")
    {
        _context = context;
        _database = database;
        Options.Add(_to);
        Options.Add(_url);
        Options.Add(_token);
        Options.Add(_org);
        Options.Add(_bucket);
        Options.Add(_noVerify);
        SetAction(RunAsync);
    }

    private async Task<int> RunAsync(ParseResult result, CancellationToken cancellationToken)
    {
        if (!string.Equals(result.GetValue(_to), "influxdb", StringComparison.OrdinalIgnoreCase))
        {
            throw CliException.BadArgument($"--to: '{result.GetValue(_to)}' is not a store moci copies to; use --to influxdb.");
        }

        var url = result.GetValue(_url)!;
        if (!Uri.TryCreate(url, UriKind.Absolute, out var uri) || (uri.Scheme != Uri.UriSchemeHttp && uri.Scheme != Uri.UriSchemeHttps))
        {
            throw CliException.BadArgument($"--url: '{url}' is not an http:// or https:// address; give InfluxDB's, e.g. http://localhost:8086.");
        }

        var token = result.GetValue(_token) ?? _context.Environment("MOCI_INFLUXDB_TOKEN");
        if (string.IsNullOrWhiteSpace(token))
        {
            throw CliException.BadArgument("--token: give an API token of the organisation with write access to the bucket (or set MOCI_INFLUXDB_TOKEN).");
        }

        var path = _database.Resolve(result, _context);
        using (HubDatabase.OpenExisting(path, _context))
        {
            // Only to check that the file is a hub database, with the registry's clear errors if not.
        }

        var endpoint = new InfluxEndpoint(url, token, result.GetValue(_org)!, result.GetValue(_bucket)!);
        using var readings = DeadLetterFiles.OpenReadings(path, _context.Time);
        using var influx = new InfluxReadingStore(endpoint, _context.Time);
        if (!await influx.PingAsync())
        {
            throw CliException.BadArgument($"--url: nothing answers as InfluxDB at {url} (GET /ping failed).");
        }

        using var progress = new MigrationProgress(path, endpoint.ToString());
        var series = progress.Series();
        var copied = await CopyAsync(readings, influx, progress, series, cancellationToken);
        var already = series.Count(s => s.Copied >= s.Stored);
        _context.Out.WriteLine($"Copied {copied:N0} readings to {endpoint}; {series.Count} series, {already} of them copied already.");
        if (result.GetValue(_noVerify))
        {
            return ExitCodes.Success;
        }

        IReadOnlyDictionary<(string Station, string Metric), long> counts;
        try
        {
            counts = await influx.CountPerSeriesAsync(cancellationToken);
        }
        catch (Exception ex) when (ex is InfluxException or FluxQueryException)
        {
            throw CliException.BadArgument(
                $"--url: the readings are copied, but {url} did not answer the Flux query that counts them ({ex.Message.Trim()}). " +
                "Check that it is InfluxDB 2.x and the token may read the bucket, or pass --no-verify.");
        }

        var differing = series
            .Select(s => (s.Station, s.Metric, s.Stored, InInflux: counts.GetValueOrDefault((s.Station, s.Metric))))
            .Where(s => s.Stored != s.InInflux)
            .ToList();
        if (differing.Count > 0)
        {
            throw CliException.BadArgument(
                $"{differing.Count} of {series.Count} series hold another number of readings in InfluxDB than in {path}: " +
                string.Join("; ", differing.Take(10).Select(d => $"{d.Station} {d.Metric}: {d.Stored:N0} here, {d.InInflux:N0} there")) +
                ". Run the command again to copy what is missing; more there than here means something else writes to the bucket.");
        }

        _context.Out.WriteLine($"Verified: each of the {series.Count} series holds as many readings in InfluxDB as in {path}.");
        return ExitCodes.Success;
    }

    /// <summary>Copies what is left of every series; a progress bar on a terminal, a line per series otherwise.</summary>
    private async Task<long> CopyAsync(SqliteReadingStore readings, InfluxReadingStore influx, MigrationProgress progress, IReadOnlyList<SeriesCopy> series, CancellationToken cancellationToken)
    {
        var console = AnsiConsole.Create(new AnsiConsoleSettings
        {
            Out = new AnsiConsoleOutput(_context.Error),
            Interactive = InteractionSupport.Detect,
            Ansi = AnsiSupport.Detect,
        });
        var total = series.Sum(s => Math.Max(0, s.Stored - s.Copied));
        if (!console.Profile.Capabilities.Interactive || _context.Error != Console.Error || Console.IsErrorRedirected)
        {
            var copied = 0L;
            for (var i = 0; i < series.Count; i++)
            {
                copied += await CopySeriesAsync(readings, influx, progress, series[i], _ => { }, cancellationToken);
                _context.Error.WriteLine($"migrate: {i + 1} of {series.Count} series done ({series[i].Station} {series[i].Metric}), {copied:N0} of {total:N0} readings copied.");
            }

            return copied;
        }

        return await console.Progress()
            .Columns(new TaskDescriptionColumn(), new ProgressBarColumn(), new PercentageColumn(), new RemainingTimeColumn())
            .StartAsync(async context =>
            {
                var task = context.AddTask("migrate", maxValue: Math.Max(1, total));
                var copied = 0L;
                for (var i = 0; i < series.Count; i++)
                {
                    task.Description = Markup.Escape($"{series[i].Station} {series[i].Metric} ({i + 1}/{series.Count})");
                    var before = copied;
                    copied += await CopySeriesAsync(readings, influx, progress, series[i], n => task.Value = before + n, cancellationToken);
                }

                task.Value = task.MaxValue;
                return copied;
            });
    }

    private static async Task<long> CopySeriesAsync(
        SqliteReadingStore readings, InfluxReadingStore influx, MigrationProgress progress, SeriesCopy series, Action<long> copiedSoFar, CancellationToken cancellationToken)
    {
        var from = series.CopiedUntil is { } until ? DateTimeOffset.FromUnixTimeMilliseconds(until + 1) : DateTimeOffset.MinValue;
        var batch = new List<Reading>(InfluxReadingStore.PointsPerRequest);
        var copied = series.Copied;
        var thisRun = 0L;
        await foreach (var reading in readings.ReadAsync(series.Station, series.Metric, new TimeRange(from, DateTimeOffset.MaxValue), cancellationToken))
        {
            batch.Add(reading);
            if (batch.Count == InfluxReadingStore.PointsPerRequest)
            {
                await FlushAsync();
            }
        }

        if (batch.Count > 0)
        {
            await FlushAsync();
        }

        return thisRun;

        async Task FlushAsync()
        {
            await influx.WriteAsync(batch, cancellationToken);
            copied += batch.Count;
            thisRun += batch.Count;
            // Saved only once InfluxDB has the batch: a stop before this line writes it again next time, never skips it.
            progress.Save(series.Station, series.Metric, batch[^1].Timestamp.ToUnixTimeMilliseconds(), copied);
            copiedSoFar(thisRun);
            batch.Clear();
        }
    }
}
