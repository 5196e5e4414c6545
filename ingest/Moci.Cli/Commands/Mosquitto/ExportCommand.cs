using System.CommandLine;
using System.Globalization;
using Moci.Cli.Mosquitto;
using Moci.Ingest.Options;
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

    public ExportCommand(CliContext context, DatabaseOption database)
        : base("export", $"""
            Write, from the station registry, the files to run Mosquitto 2.0 in front of the hub:
              {MosquittoFiles.Passwords,-16}Mosquitto's password_file: every active station and the intake ({IntakeUser})
              {MosquittoFiles.Acl,-16}Mosquitto's acl_file: the intake's rules; each station only its own topics; nothing else
              {MosquittoFiles.IntakeSecret,-16}the intake's password (mode 0600), kept if already there, for Broker:PasswordFile
              {MosquittoFiles.Config,-16}Mosquitto's configuration, pointing at the two files above
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
        Options.Add(_directory);
        Options.Add(_port);
        SetAction(Run);
    }

    /// <summary>The intake's user name at Mosquitto: the default of the ingest's <c>Broker:Username</c>.</summary>
    private static string IntakeUser => new BrokerOptions().Username;

    private int Run(ParseResult result)
    {
        var databasePath = _database.Resolve(result, _context);
        var directory = _context.FullPath(result.GetRequiredValue(_directory));
        var port = result.GetValue(_port);
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
        try
        {
            Directory.CreateDirectory(directory);
            var intake = IntakeSecret.LoadOrCreate(Path.Combine(directory, MosquittoFiles.IntakeSecret));
            newIntakeSecret = intake.Created;
            ExportedFile.Write(Path.Combine(directory, MosquittoFiles.Passwords), PasswordFile.Render(header, stations, IntakeUser, intake.Password), ExportedFile.Private);
            ExportedFile.Write(Path.Combine(directory, MosquittoFiles.Acl), AclFile.Render(header, IntakeUser, revoked), ExportedFile.Public);
            ExportedFile.Write(Path.Combine(directory, MosquittoFiles.Config), MosquittoConfig.Render(header, directory, port, Environment.UserName), ExportedFile.Public);
        }
        catch (Exception ex) when (ex is IOException or UnauthorizedAccessException)
        {
            throw new CliException(ExitCodes.CannotUseFiles, $"--dir: cannot write into {directory}: {ex.Message}", ex);
        }

        WriteSummary(databasePath, directory, port, stations.Count - admitted, admitted, newIntakeSecret);
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
        output.WriteLine($"  {MosquittoFiles.Passwords,-16}the intake ({IntakeUser}) and {admitted} active station(s); {leftOut} pending or revoked left out");
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
}
