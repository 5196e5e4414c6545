using System.CommandLine;

namespace Moci.Cli.Commands.Stations;

/// <summary><c>moci stations …</c>: the station registry.</summary>
internal sealed class StationsCommand : Command
{
    public StationsCommand(CliContext context, DatabaseOption database)
        : base("stations", "Register stations, show them, give them new secrets and revoke them.")
    {
        Subcommands.Add(new AddCommand(context, database));
        Subcommands.Add(new ListCommand(context, database));
        Subcommands.Add(new ShowCommand(context, database));
        Subcommands.Add(new RotateSecretCommand(context, database));
        Subcommands.Add(new RevokeCommand(context, database));
    }
}
