using System.CommandLine;
using Moci.Cli.Commands.DeadLetters;
using Moci.Ingest.Storage;
using Spectre.Console;

namespace Moci.Cli.Commands.Rollups;

/// <summary>
/// <c>moci rollups rebuild</c>: recomputes the rollups from the stored readings, a week of one series per transaction,
/// so that a running hub keeps storing beside it; shows a progress bar on a terminal and a line per series otherwise.
/// </summary>
internal sealed class RebuildCommand : Command
{
    private readonly CliContext _context;
    private readonly DatabaseOption _database;
    private readonly Option<string?> _station = new("--station") { HelpName = "ID", Description = "Only the series of this station (default: every station)." };
    private readonly Option<string?> _metric = new("--metric") { HelpName = "NAME", Description = "Only the series of this metric, e.g. pm2_5 (default: every metric)." };
    private readonly JsonOption _json = new("Print what was rebuilt and corrected as JSON on stdout, for scripts.");

    public RebuildCommand(CliContext context, DatabaseOption database)
        : base("rebuild", "Recompute the hourly and daily rollups from the stored readings and correct those that differ. Safe beside a running hub, to cancel and to run again.")
    {
        _context = context;
        _database = database;
        Options.Add(_station);
        Options.Add(_metric);
        Options.Add(_json);
        SetAction(RunAsync);
    }

    private async Task<int> RunAsync(ParseResult result, CancellationToken cancellationToken)
    {
        var path = _database.Resolve(result, _context);
        using (HubDatabase.OpenExisting(path, _context))
        {
            // Only to check that the file is a hub database, with the registry's clear errors if not.
        }

        using var readings = DeadLetterFiles.OpenReadings(path, _context.Time);
        var station = result.GetValue(_station);
        var metric = result.GetValue(_metric);
        var summary = await RebuildAsync(readings, station, metric, cancellationToken);
        if (summary.Series == 0)
        {
            throw CliException.BadArgument($"No series of {Describe(station, metric)} is stored in {path}; `moci stations list` shows the registered stations.");
        }

        if (result.GetValue(_json))
        {
            CliJson.Write(_context.Out, summary);
        }
        else
        {
            _context.Out.WriteLine(
                $"Rebuilt the rollups of {summary.Series} series ({summary.Readings:N0} readings): {summary.Hours:N0} hourly and {summary.Days:N0} daily rollups; " +
                $"corrected {summary.HoursCorrected:N0} hourly and {summary.DaysCorrected:N0} daily.");
        }

        return ExitCodes.Success;
    }

    /// <summary>
    /// Runs the rebuild with a Spectre.Console progress bar when the error stream is a terminal; otherwise (a pipe, a
    /// log, a test) one line as each series is done, which reads well in a file.
    /// </summary>
    private async Task<RollupRebuildSummary> RebuildAsync(SqliteReadingStore readings, string? station, string? metric, CancellationToken cancellationToken)
    {
        var console = AnsiConsole.Create(new AnsiConsoleSettings
        {
            Out = new AnsiConsoleOutput(_context.Error),
            Interactive = InteractionSupport.Detect,
            Ansi = AnsiSupport.Detect,
        });
        if (!console.Profile.Capabilities.Interactive || _context.Error != Console.Error || Console.IsErrorRedirected)
        {
            var reported = 0;
            return await readings.RebuildRollupsAsync(station, metric, progress =>
            {
                if (progress.SeriesDone > reported)
                {
                    reported = progress.SeriesDone;
                    _context.Error.WriteLine($"rollups rebuild: {progress.SeriesDone} of {progress.SeriesTotal} series done ({progress.Station} {progress.Metric}).");
                }
            }, cancellationToken);
        }

        return await console.Progress()
            .Columns(new TaskDescriptionColumn(), new ProgressBarColumn(), new PercentageColumn(), new RemainingTimeColumn())
            .StartAsync(async context =>
            {
                var task = context.AddTask("rollups", maxValue: 1);
                return await readings.RebuildRollupsAsync(station, metric, progress =>
                {
                    task.MaxValue = progress.StepsTotal;
                    task.Value = progress.StepsDone;
                    task.Description = Markup.Escape($"{progress.Station} {progress.Metric} ({progress.SeriesDone}/{progress.SeriesTotal})");
                }, cancellationToken);
            });
    }

    private static string Describe(string? station, string? metric) => (station, metric) switch
    {
        (null, null) => "any station",
        (_, null) => $"station '{station}'",
        (null, _) => $"metric '{metric}'",
        _ => $"station '{station}' and metric '{metric}'",
    };
}
