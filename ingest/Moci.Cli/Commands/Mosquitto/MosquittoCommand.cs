using System.CommandLine;

namespace Moci.Cli.Commands.Mosquitto;

/// <summary><c>moci mosquitto …</c>: running the hub behind an external Mosquitto broker.</summary>
internal sealed class MosquittoCommand : Command
{
    public MosquittoCommand(CliContext context, DatabaseOption database)
        : base("mosquitto", "Run the hub behind an external Mosquitto broker instead of its embedded one.")
    {
        Subcommands.Add(new ExportCommand(context, database));
    }
}
