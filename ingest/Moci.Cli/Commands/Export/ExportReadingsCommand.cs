using System.CommandLine;
using System.Globalization;
using Moci.Cli.Commands.DeadLetters;
using Moci.Ingest.Exports;

namespace Moci.Cli.Commands.Export;

/// <summary>
/// <c>moci export --station … --metric …</c>: the same export as <c>GET /api/v1/export</c>, written from the hub's
/// database to a file, with a progress bar on stderr.
/// </summary>
internal sealed class ExportReadingsCommand : Command
{
    private readonly CliContext _context;
    private readonly DatabaseOption _database;
    private readonly Option<string> _station = Text("--station", "IDS", "Station ids, comma-separated, e.g. rrg-school-01,shk-river-01.", required: true);
    private readonly Option<string> _metric = Text("--metric", "NAMES", "Metrics, comma-separated, e.g. pm2_5,pm10.", required: true);
    private readonly Option<string> _from = Text("--from", "TIME", "Start (ISO 8601, UTC unless an offset is given), included. Default: 24 hours before --to.");
    private readonly Option<string> _to = Text("--to", "TIME", "End, excluded. Default: now.");
    private readonly Option<string> _format = Text("--format", "csv|json", "File format. Default: csv.");
    private readonly Option<string> _layout = Text("--layout", "long|wide", "long: one row per reading (default); wide: one row per time, a column per series.");
    private readonly Option<string> _dialect = Text("--dialect", "rfc4180|spreadsheet", "CSV for programs (default), or for spreadsheets with a decimal comma (BOM, ';').");
    private readonly Option<string> _tz = Text("--tz", "ZONE", "IANA time zone of the local-time column. Default: Europe/Tirane.");
    private readonly Option<string> _resolution = Text("--resolution", "raw|hour|day", "raw: every reading (default); hour or day: UTC periods from the rollups, with mean, lowest, highest, counts, coverage and the incomplete mark.");
    private readonly Option<string> _output = Text("--output", "FILE", "Where to write. Default: a name saying what is in it, in the current folder.");
    private readonly Option<bool> _force = new("--force") { Description = "Replace the output file if it exists." };
    private readonly Option<string> _licence = Text("--licence", "NAME", "The data licence stated in the file. Default: CC BY 4.0 (as the hub's Exports:Licence).");
    private readonly Option<string> _licenceUrl = Text("--licence-url", "URL", "Where the licence text is. Default: https://creativecommons.org/licenses/by/4.0/.");
    private readonly Option<string> _attribution = Text("--attribution", "TEXT", "Whom to credit. Default: MOCI Environmental Monitoring network.");

    public ExportReadingsCommand(CliContext context, DatabaseOption database)
        : base("export", """
            Write readings of one or more stations and metrics to a CSV or JSON file, as GET /api/v1/export answers:
            station names and coordinates, UTC and local time, units, QA flags, and the licence at the top. Streams
            from the database to the file: a year of data takes no more memory than a day. Safe beside a running hub.
            """)
    {
        _context = context;
        _database = database;
        Options.Add(_station);
        Options.Add(_metric);
        Options.Add(_from);
        Options.Add(_to);
        Options.Add(_format);
        Options.Add(_layout);
        Options.Add(_dialect);
        Options.Add(_tz);
        Options.Add(_resolution);
        Options.Add(_output);
        Options.Add(_force);
        Options.Add(_licence);
        Options.Add(_licenceUrl);
        Options.Add(_attribution);
        SetAction(RunAsync);
    }

    private static Option<string> Text(string name, string helpName, string description, bool required = false) =>
        new(name) { HelpName = helpName, Description = description, Required = required };

    private async Task<int> RunAsync(ParseResult result, CancellationToken cancellationToken)
    {
        var licence = Licence(result);
        var path = _database.Resolve(result, _context);
        using var stations = HubDatabase.OpenExisting(path, _context);
        var query = new ExportQuery(
            result.GetValue(_station), result.GetValue(_metric), result.GetValue(_from), result.GetValue(_to),
            result.GetValue(_format), result.GetValue(_layout), result.GetValue(_dialect), result.GetValue(_tz), result.GetValue(_resolution));
        var notice = new ExportNotice(licence);
        var request = query.Check(id => stations.Find(id)?.Station, _context.Time.GetUtcNow(), notice.DefaultTimeZone, out var errors);
        if (request is null)
        {
            throw CliException.BadArgument(string.Join(Environment.NewLine, errors.Select(e =>
                $"--{e.Key}: {e.Value.Single().Replace("GET /api/v1/stations", "`moci stations list`", StringComparison.Ordinal)}")));
        }

        var output = _context.FullPath(result.GetValue(_output) ?? ExportNotice.FileName(request));
        if (File.Exists(output) && !result.GetValue(_force))
        {
            throw CliException.BadArgument($"--output: '{output}' exists; give another file, or add --force to replace it.");
        }

        using var readings = DeadLetterFiles.OpenReadings(path, _context.Time);
        var writer = new ExportWriter(readings, notice);
        var partial = output + ".partial";
        var progress = new ExportProgress();
        long rows;
        try
        {
            await using (var file = new FileStream(partial, FileMode.Create, FileAccess.Write, FileShare.None, 1 << 16, useAsync: true))
            {
                rows = await CliProgress.RunAsync(
                    _context,
                    writer.WriteAsync(file, request, progress, cancellationToken),
                    () => progress.Fraction,
                    () => string.Create(CultureInfo.InvariantCulture, $"{progress.Rows:N0} rows"));
            }

            File.Move(partial, output, overwrite: true);
        }
        catch (Exception ex) when (ex is IOException or UnauthorizedAccessException or Microsoft.Data.Sqlite.SqliteException)
        {
            File.Delete(partial);
            throw new CliException(ExitCodes.CannotUseFiles, $"export failed and wrote nothing: {ex.Message}", ex);
        }

        _context.Out.WriteLine(string.Create(CultureInfo.InvariantCulture,
            $"Exported {rows:N0} rows of {request.Series.Count} series to {output} (licence {licence.Licence})."));
        return ExitCodes.Success;
    }

    private ExportOptions Licence(ParseResult result)
    {
        var options = new ExportOptions();
        options.Licence = result.GetValue(_licence) ?? options.Licence;
        options.LicenceUrl = result.GetValue(_licenceUrl) ?? options.LicenceUrl;
        options.Attribution = result.GetValue(_attribution) ?? options.Attribution;
        var check = new ExportOptionsValidator().Validate(null, options);
        if (check.Failed)
        {
            throw CliException.BadArgument(string.Join(Environment.NewLine, check.Failures.Select(f => f
                .Replace("Exports:LicenceUrl", "--licence-url", StringComparison.Ordinal)
                .Replace("Exports:Licence", "--licence", StringComparison.Ordinal)
                .Replace("Exports:Attribution", "--attribution", StringComparison.Ordinal))));
        }

        return options;
    }
}
