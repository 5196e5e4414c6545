using System.CommandLine;
using System.CommandLine.Invocation;
using System.CommandLine.Parsing;
using Moci.Cli.Commands.DeadLetters;
using Moci.Cli.Commands.Export;
using Moci.Cli.Commands.Import;
using Moci.Cli.Commands.Migrate;
using Moci.Cli.Commands.Mosquitto;
using Moci.Cli.Commands.Rollups;
using Moci.Cli.Commands.Stations;

namespace Moci.Cli;

/// <summary>The <c>moci</c> command line: its commands, and how errors become messages and exit codes.</summary>
internal static class MociCli
{
    private const string Description = $"""
        Administers a MOCI hub: registers stations and their secrets in the hub's database, exports the
        registry for an external Mosquitto broker, stores again what the hub could not store, rebuilds the
        hourly and daily rollups, exports readings with their licence, and imports public Sensor.Community
        archive files as reference stations, and copies the readings into InfluxDB 2.x. A running hub picks up every change within a few seconds; no
        restart is needed.

        {ExitCodes.HelpText}
        """;

    /// <summary>Parses <paramref name="args"/>, runs the command and returns the process exit code (<see cref="ExitCodes"/>).</summary>
    public static int Run(IReadOnlyList<string> args, CliContext context)
    {
        var database = new DatabaseOption();
        var root = new RootCommand(Description)
        {
            HelpName = "moci",
        };
        root.Options.Add(database);
        root.Subcommands.Add(new StationsCommand(context, database));
        root.Subcommands.Add(new MosquittoCommand(context, database));
        root.Subcommands.Add(new DeadLettersCommand(context, database));
        root.Subcommands.Add(new RollupsCommand(context, database));
        root.Subcommands.Add(new ExportReadingsCommand(context, database));
        root.Subcommands.Add(new ImportCommand(context, database));
        root.Subcommands.Add(new MigrateCommand(context, database));

        var parsed = root.Parse(args);
        if (parsed.Action is ParseErrorAction)
        {
            // One line per problem and a pointer to the help, rather than the whole help after each mistake.
            foreach (var error in parsed.Errors)
            {
                context.Error.WriteLine(error.Message);
            }

            var command = parsed.CommandResult.Command;
            if (command.Action is null && command.Subcommands.Count > 0)
            {
                context.Error.WriteLine($"Commands of `{CommandPath(parsed.CommandResult)}`: {string.Join(", ", command.Subcommands.Select(c => c.Name))}.");
            }

            context.Error.WriteLine($"Run `{CommandPath(parsed.CommandResult)} --help` for usage.");
            return ExitCodes.BadArgument;
        }

        try
        {
            return parsed.Invoke(new InvocationConfiguration
            {
                Output = context.Out,
                Error = context.Error,
                EnableDefaultExceptionHandler = false,
            });
        }
        catch (CliException ex)
        {
            context.Error.WriteLine(ex.Message);
            return ex.ExitCode;
        }
    }

    private static string CommandPath(CommandResult command)
    {
        var names = new List<string>();
        for (SymbolResult? result = command; result is not null; result = result.Parent)
        {
            if (result is CommandResult { Command: var c })
            {
                names.Add(c is RootCommand ? "moci" : c.Name);
            }
        }

        names.Reverse();
        return string.Join(' ', names);
    }
}
