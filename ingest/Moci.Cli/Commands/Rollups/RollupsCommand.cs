using System.CommandLine;

namespace Moci.Cli.Commands.Rollups;

/// <summary><c>moci rollups …</c>: the hourly and daily rollups the hub keeps beside the readings.</summary>
internal sealed class RollupsCommand : Command
{
    public RollupsCommand(CliContext context, DatabaseOption database)
        : base("rollups", "Check and recompute the hourly and daily rollups that charts and hourly or daily queries read.")
    {
        Subcommands.Add(new RebuildCommand(context, database));
    }
}
