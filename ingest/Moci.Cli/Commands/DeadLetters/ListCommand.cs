using System.CommandLine;

namespace Moci.Cli.Commands.DeadLetters;

/// <summary><c>moci dead-letters list --station ID</c>: a station's newest dead letters, without their payloads.</summary>
internal sealed class ListCommand : Command
{
    /// <summary>Most dead letters one listing shows, as the hub's API.</summary>
    public const int MaxLimit = 1000;

    private readonly CliContext _context;
    private readonly DatabaseOption _database;
    private readonly StationOption _station = new("The station whose dead letters to list; it need not be registered.");
    private readonly Option<int> _limit = new("--limit")
    {
        HelpName = "N",
        Description = $"How many to show, newest first: 1 to {MaxLimit}.",
        DefaultValueFactory = _ => 20,
    };

    private readonly JsonOption _json = new("Print {\"station\": …, \"total\": …, \"letters\": […]} on stdout, for scripts.");

    public ListCommand(CliContext context, DatabaseOption database)
        : base("list", "List a station's dead letters, newest first: id, time received, payload size and why the hub did not store it " +
                       "(never the payload; the hub's GET /api/v1/dead-letters/{id} shows it). A size marked (cut) was over the hub's " +
                       "DeadLetters:MaxPayloadBytes: only its start is kept, and it cannot be replayed.")
    {
        _context = context;
        _database = database;
        _limit.Validators.Add(result =>
        {
            if (result.GetValueOrDefault<int>() is var limit and (< 1 or > MaxLimit))
            {
                result.AddError($"--limit: {limit} is out of range; show 1 to {MaxLimit} dead letters.");
            }
        });
        Options.Add(_station);
        Options.Add(_limit);
        Options.Add(_json);
        SetAction(RunAsync);
    }

    private async Task<int> RunAsync(ParseResult result, CancellationToken cancellationToken)
    {
        var path = _database.Resolve(result, _context);
        using var stations = HubDatabase.OpenExisting(path, _context);
        using var letters = DeadLetterFiles.OpenLetters(path);
        var id = result.GetRequiredValue(_station);
        var limit = result.GetValue(_limit);
        DeadLetterPage page;
        try
        {
            // The stored payloads are read (not printed) to tell which were cut at the hub's cap: a letter without
            // its payload would look cut. At most MaxLimit of them, each at most the cap.
            var newest = await letters.ListAsync(id, limit, before: null, payloadBytes: int.MaxValue, cancellationToken);
            page = new DeadLetterPage(id, await letters.CountAsync(id, cancellationToken), newest.Select(DeadLetterView.From).ToList());
        }
        catch (Exception ex) when (DeadLetterFiles.IsDatabaseFailure(ex))
        {
            throw DeadLetterFiles.Failed(path, ex, "Nothing was changed.");
        }

        if (result.GetValue(_json))
        {
            CliJson.Write(_context.Out, page);
            return ExitCodes.Success;
        }

        var registered = stations.Find(id) is not null;
        if (page.Total == 0)
        {
            _context.Out.WriteLine($"Station {id} has no dead letters in {path}.");
            return ExitCodes.Success;
        }

        DeadLetterText.WriteTable(_context.Out, page.Letters);
        _context.Out.WriteLine();
        var more = page.Total > page.Letters.Count ? $"; --limit {Math.Min(page.Total, MaxLimit)} shows more" : "";
        _context.Out.WriteLine($"{page.Letters.Count} of {page.Total} dead {(page.Total == 1 ? "letter" : "letters")} of station {id}, newest first{more}.");
        _context.Out.WriteLine(registered
            ? $"Once the cause is fixed, `moci dead-letters replay --station {id}` stores them again (--dry-run first shows what it would do)."
            : $"Station {id} is not registered: register it with `moci stations add {id} …`, then `moci dead-letters replay --station {id}` stores them.");
        return ExitCodes.Success;
    }
}
