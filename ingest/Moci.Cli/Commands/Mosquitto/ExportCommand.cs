using System.CommandLine;
using System.Globalization;
using Moci.Cli.Mosquitto;
using Moci.Ingest.Stations;

namespace Moci.Cli.Commands.Mosquitto;

/// <summary>
/// <c>moci mosquitto export --dir DIR</c>: writes Mosquitto's password file, ACL file and configuration from the
/// registry, and the intake's password, so that Mosquitto admits exactly what the embedded broker would.
/// </summary>
internal sealed class ExportCommand : Command
{
    private readonly CliContext _context;
    private readonly DatabaseOption _database;
    private readonly Option<string> _directory = new("--dir")
    {
        Required = true,
        HelpName = "DIR",
        Description = "The folder to write into (created if missing). Mosquitto reads its files and keeps its persistence there.",
    };

    private readonly Option<int> _port = new("--port")
    {
        HelpName = "PORT",
        Description = "The MQTT port Mosquitto listens on, 1-65535.",
        DefaultValueFactory = _ => 1883,
    };

    private readonly Option<int> _ingests = new("--ingests")
    {
        HelpName = "N",
        Description = $"Ingest processes sharing the stations through one shared subscription, 1-{IntakeUsers.MaxIngests}. With 2 or more, each gets its own user (moci.ingest.1 … moci.ingest.N) and the export writes {MosquittoFiles.IngestEnvironment}.",
        DefaultValueFactory = _ => 1,
    };

    public ExportCommand(CliContext context, DatabaseOption database)
        : base("export", $"""
            Write, from the station registry, the files to run Mosquitto 2.0 in front of the hub:
              {MosquittoFiles.Passwords,-16}Mosquitto's password_file: every active station and the intake ({IntakeUsers.Single})
              {MosquittoFiles.Acl,-16}Mosquitto's acl_file: the intake's rules; each station only its own topics; nothing else
              {MosquittoFiles.IntakeSecret,-16}the intake's password (mode 0600), kept if already there, for Broker:PasswordFile
              {MosquittoFiles.Config,-16}Mosquitto's configuration, pointing at the two files above
              {MosquittoFiles.IngestEnvironment,-16}with --ingests 2 or more: the settings the ingests share, with their secret group
            After `moci stations add`, `rotate-secret` or `revoke`, export again and send Mosquitto SIGHUP
            (kill -HUP): it re-reads the password and ACL files without a restart.
            """)
    {
        _context = context;
        _database = database;
        _directory.Validators.Add(result =>
        {
            if (string.IsNullOrWhiteSpace(result.GetValueOrDefault<string>()))
            {
                result.AddError("--dir: the folder is empty; give the folder to write Mosquitto's files into, e.g. --dir /etc/moci/mosquitto.");
            }
        });
        _port.Validators.Add(result =>
        {
            if (result.GetValueOrDefault<int>() is var port and (< 1 or > 65535))
            {
                result.AddError($"--port: {port} is not a TCP port; use 1 to 65535 (MQTT's is 1883).");
            }
        });
        _ingests.Validators.Add(result =>
        {
            if (result.GetValueOrDefault<int>() is var ingests and (< 1 or > IntakeUsers.MaxIngests))
            {
                result.AddError($"--ingests: {ingests} ingests cannot share the stations; give 1 to {IntakeUsers.MaxIngests} (1: a single ingest as moci.ingest).");
            }
        });
        Options.Add(_directory);
        Options.Add(_port);
        Options.Add(_ingests);
        SetAction(Run);
    }

    private int Run(ParseResult result)
    {
        var databasePath = _database.Resolve(result, _context);
        var directory = _context.FullPath(result.GetRequiredValue(_directory));
        var port = result.GetValue(_port);
        var ingests = result.GetValue(_ingests);
        var intakeUsers = IntakeUsers.For(ingests);
        IReadOnlyList<RegisteredStation> stations;
        using (var store = HubDatabase.OpenExisting(databasePath, _context))
        {
            stations = store.All();
        }

        var header = string.Create(CultureInfo.InvariantCulture, $"""
            # Written by `moci mosquitto export` from {databasePath} on {_context.Time.GetUtcNow():yyyy-MM-dd HH:mm:ss} UTC.
            # Do not edit: the next export overwrites this file. Change stations with `moci stations …` and export again.

            """);
        var admitted = PasswordFile.Admitted(stations).Count();
        var revoked = stations.Where(s => s.Station.State == StationState.Revoked).Select(s => s.Station.Id).ToList();
        bool newIntakeSecret;
        string? group = null;
        try
        {
            Directory.CreateDirectory(directory);
            var intake = IntakeSecret.LoadOrCreate(Path.Combine(directory, MosquittoFiles.IntakeSecret));
            newIntakeSecret = intake.Created;
            ExportedFile.Write(Path.Combine(directory, MosquittoFiles.Passwords), PasswordFile.Render(header, stations, intakeUsers, intake.Password), ExportedFile.Private);
            ExportedFile.Write(Path.Combine(directory, MosquittoFiles.Acl), AclFile.Render(header, intakeUsers, revoked), ExportedFile.Public);
            ExportedFile.Write(Path.Combine(directory, MosquittoFiles.Config), MosquittoConfig.Render(header, directory, port, Environment.UserName), ExportedFile.Public);
            if (ingests > 1)
            {
                group = SharedGroup.Name(intake.Password);
                var environment = IngestEnvironment.Render(header, port, Path.Combine(directory, MosquittoFiles.IntakeSecret), databasePath, group);
                ExportedFile.Write(Path.Combine(directory, MosquittoFiles.IngestEnvironment), environment, ExportedFile.Private);
            }
        }
        catch (Exception ex) when (ex is IOException or UnauthorizedAccessException)
        {
            throw new CliException(ExitCodes.CannotUseFiles, $"--dir: cannot write into {directory}: {ex.Message}", ex);
        }

        WriteSummary(databasePath, directory, port, stations.Count - admitted, admitted, newIntakeSecret);
        if (group is not null)
        {
            WriteSharedSummary(directory, ingests);
        }

        return ExitCodes.Success;
    }

    private void WriteSummary(string databasePath, string directory, int port, int leftOut, int admitted, bool newIntakeSecret)
    {
        var output = _context.Out;
        var folder = ShellText.Quote(directory);
        var config = ShellText.Quote(Path.Combine(directory, MosquittoFiles.Config));
        var secret = ShellText.Quote(Path.Combine(directory, MosquittoFiles.IntakeSecret));
        var database = ShellText.Quote(databasePath);
        output.WriteLine($"Exported the station registry of {databasePath} to {directory}:");
        output.WriteLine($"  {MosquittoFiles.Passwords,-16}the intake ({IntakeUsers.Single}) and {admitted} active station(s); {leftOut} pending or revoked left out");
        output.WriteLine($"  {MosquittoFiles.Acl,-16}the intake's rules and each station's own topics; everything else is denied");
        output.WriteLine($"  {MosquittoFiles.IntakeSecret,-16}the intake's password ({(newIntakeSecret ? "new" : "kept from the previous export")}), readable by {Environment.UserName} only");
        output.WriteLine($"  {MosquittoFiles.Config,-16}port {port}, no anonymous clients, persistence in {directory}");
        output.WriteLine();
        output.WriteLine("Start Mosquitto with it:");
        output.WriteLine($"  mosquitto -c {config}");
        output.WriteLine();
        output.WriteLine("Start the ingest against it (from the repository root):");
        output.WriteLine(string.Create(CultureInfo.InvariantCulture,
            $"  Broker__Embedded=false Broker__Host=localhost Broker__Port={port} Broker__PasswordFile={secret} Storage__DatabasePath={database} dotnet run --project ingest/Moci.Ingest"));
        output.WriteLine();
        output.WriteLine("After `moci stations add`, `rotate-secret` or `revoke`, export again and make Mosquitto re-read its files");
        output.WriteLine("(a new station can connect at once; nothing restarts):");
        output.WriteLine(string.Create(CultureInfo.InvariantCulture,
            $"  moci --db {database} mosquitto export --dir {folder} --port {port} && kill -HUP $(pidof mosquitto)"));
    }

    private void WriteSharedSummary(string directory, int ingests)
    {
        var output = _context.Out;
        var environment = ShellText.Quote(Path.Combine(directory, MosquittoFiles.IngestEnvironment));
        output.WriteLine();
        output.WriteLine($"For {ingests} ingests on one shared subscription: {MosquittoFiles.IngestEnvironment} holds their common settings (readable by");
        output.WriteLine($"{Environment.UserName} only: it names the subscription group, which must stay secret). Start ingest N (1 to {ingests}) with");
        output.WriteLine($"  set -a; . {environment}; set +a");
        output.WriteLine($"  Broker__Username={IntakeUsers.Member(1)[..^1]}N Broker__ClientId=moci-ingest-N dotnet run --project ingest/Moci.Ingest");
    }
}
