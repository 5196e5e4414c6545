using System.CommandLine;
using System.CommandLine.Invocation;
using System.CommandLine.Parsing;

namespace Moci.Bridge.Commands;

/// <summary>The <c>moci-bridge</c> command line: its commands, and how errors become messages and exit codes.</summary>
internal static class BridgeCli
{
    private const string Description = $"""
        The MOCI station bridge: reads the station's sensors, keeps every reading in its outbox on disk and sends
        it to the hub, which alone takes it out of the outbox by acknowledging it.

        {ExitCodes.HelpText}
        """;

    /// <summary>Parses <paramref name="args"/>, runs the command and returns the process exit code (<see cref="ExitCodes"/>).</summary>
    public static async Task<int> RunAsync(IReadOnlyList<string> args, BridgeContext context, CancellationToken cancellationToken = default)
    {
        var root = new RootCommand(Description);
        root.Subcommands.Add(new RunCommand(context));
        root.Subcommands.Add(new CheckCommand(context));
        root.Subcommands.Add(new SimulateCommand(context));

        var parsed = root.Parse(args);
        if (parsed.Action is ParseErrorAction)
        {
            // One line per problem and a pointer to the help, rather than the whole help after each mistake.
            foreach (var error in parsed.Errors)
            {
                await context.Error.WriteLineAsync(error.Message);
            }

            var command = parsed.CommandResult.Command;
            var path = command is RootCommand ? "moci-bridge" : $"moci-bridge {command.Name}";
            if (command is RootCommand)
            {
                await context.Error.WriteLineAsync($"Commands: {string.Join(", ", root.Subcommands.Select(c => c.Name))}.");
            }

            await context.Error.WriteLineAsync($"Run `{path} --help` for usage.");
            return ExitCodes.BadArgument;
        }

        return await parsed.InvokeAsync(
            new InvocationConfiguration
            {
                Output = context.Out,
                Error = context.Error,
                EnableDefaultExceptionHandler = false,

                // run and simulate are hosts, which stop on SIGTERM themselves (systemd's stop) and drain first.
                ProcessTerminationTimeout = null,
            },
            cancellationToken);
    }
}
