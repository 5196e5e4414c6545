using System.CommandLine;

namespace Moci.Cli.Commands.DeadLetters;

/// <summary><c>moci dead-letters …</c>: what the hub received but could not store.</summary>
internal sealed class DeadLettersCommand : Command
{
    public DeadLettersCommand(CliContext context, DatabaseOption database)
        : base("dead-letters", "List what a station sent that the hub could not store, and store it again once the cause is fixed.")
    {
        Subcommands.Add(new ListCommand(context, database));
        Subcommands.Add(new ReplayCommand(context, database));
    }
}
