using System.CommandLine;
using Microsoft.Extensions.Options;
using Moci.Ingest.Health;
using Moci.Ingest.Options;
using Moci.Ingest.Stations;

namespace Moci.Cli.Commands.DeadLetters;

/// <summary>
/// <c>moci dead-letters replay --station ID</c>: stores what a station sent that the hub could not store, now
/// that the cause is fixed, and removes the dead letters that went through.
/// </summary>
internal sealed class ReplayCommand : Command
{
    private readonly CliContext _context;
    private readonly DatabaseOption _database;
    private readonly StationOption _station = new("The station whose dead letters to replay; it must be registered.");
    private readonly Option<bool> _dryRun = new("--dry-run")
    {
        Description = "Only say what a replay would do: store nothing, remove or change no dead letter.",
    };

    private readonly BackfillWindowOption _backfillWindow = new();
    private readonly JsonOption _json = new("Print the summary as one JSON object on stdout, for scripts.");

    public ReplayCommand(CliContext context, DatabaseOption database)
        : base("replay", """
            Store again what a station sent that the hub could not store, once the cause is fixed (the station
            registered, its kind corrected, the hub upgraded with a fixed metric catalogue). Its dead letters go,
            oldest first, through the hub's own intake, as if each arrived again at the time it did arrive (that
            time is "now" for the time rules), against the registry as it is now; a Sensor.Community kit's post
            likewise, and a health report through the hub's health checks (kept as the station's report unless the
            hub holds one it received later). What now goes through is stored, and its dead letter removed. Of a message of which only some
            records go through, those are stored and the others stay as dead letters of their own; a letter of which
            nothing goes through stays, with the reason it fails for now. Left as they are: letters cut at the hub's
            DeadLetters:MaxPayloadBytes (only their start is stored) and conflicts (another value is already stored
            for the time; the first stays). Safe beside a running hub, and to run again: what is already stored
            counts as a duplicate. Prints a summary, and progress on stderr every 2000 letters.
            """)
    {
        _context = context;
        _database = database;
        Options.Add(_station);
        Options.Add(_dryRun);
        Options.Add(_backfillWindow);
        Options.Add(_json);
        SetAction(RunAsync);
    }

    /// <summary>For a dry run: whether a replayed report would become the station's newest, without keeping it.</summary>
    private static Func<StationHealth, DateTimeOffset, CancellationToken, Task<bool>> WouldKeepAsync(StationHealthStore health) =>
        async (report, receivedAt, cancellationToken) =>
            await health.FindAsync(report.Station, cancellationToken) is not { } stored || stored.ReceivedAt <= receivedAt;

    private async Task<int> RunAsync(ParseResult result, CancellationToken cancellationToken)
    {
        var path = _database.Resolve(result, _context);
        using var stations = HubDatabase.OpenExisting(path, _context);
        using var letters = DeadLetterFiles.OpenLetters(path);
        var id = result.GetRequiredValue(_station);
        var dryRun = result.GetValue(_dryRun);
        var options = new IntakeOptions { BackfillWindow = result.GetValue(_backfillWindow) };
        try
        {
            if (stations.Find(id) is null)
            {
                var waiting = await letters.CountAsync(id, cancellationToken);
                throw CliException.BadArgument(
                    $"--station: no station '{id}' is registered in {path}, so its dead letters ({waiting}) cannot be stored yet; " +
                    $"register it first (`moci stations add {id} …`; `moci stations list` shows the registered ones).");
            }

            var registry = new StationRegistry(stations, Microsoft.Extensions.Options.Options.Create(new StationRegistryOptions()));
            using var readings = DeadLetterFiles.OpenReadings(path, _context.Time);
            using var health = DeadLetterFiles.OpenHealth(path);
            var tally = new ReplayTally(id, dryRun, options.BackfillWindow);
            var replay = new DeadLetterReplay(
                letters,
                new LetterIntake(registry, options),
                dryRun ? new ReadingPreview(readings).WriteAsync : readings.WriteAsync,
                dryRun ? WouldKeepAsync(health) : (report, receivedAt, token) => health.SaveAsync(report, receivedAt, keepLater: true, token),
                tally,
                dryRun,
                (done, total) => _context.Error.WriteLine($"dead-letters replay: {done} of {total} letters of {id} done…"));
            var summary = await replay.RunAsync(id, cancellationToken);
            if (result.GetValue(_json))
            {
                CliJson.Write(_context.Out, summary);
            }
            else
            {
                ReplayText.Write(_context.Out, summary);
            }

            return ExitCodes.Success;
        }
        catch (Exception ex) when (DeadLetterFiles.IsDatabaseFailure(ex))
        {
            throw DeadLetterFiles.Failed(path, ex, dryRun
                ? "Nothing was changed."
                : "What was replayed before the failure stays replayed; run the command again to go on.");
        }
    }
}
