using System.CommandLine;
using Microsoft.Extensions.Configuration;
using Moci.Bridge.Configuration;
using Moci.Bridge.Sampling;

namespace Moci.Bridge.Commands;

/// <summary><c>moci-bridge run</c>: the station as a service (systemd runs it), until SIGTERM.</summary>
internal sealed class RunCommand : Command
{
    private readonly BridgeContext _context;
    private readonly ConfigOption _config = new();

    public RunCommand(BridgeContext context)
        : base("run", """
            Run the station: read every enabled sensor of the configuration file, keep each reading in the outbox
            on disk and send it to the hub. Under systemd it reports ready and logs to the journal. The configuration
            is checked first: a wrong setting stops it with a message naming the setting and the fix.
            Run `moci-bridge check` after wiring a sensor or changing the file.
            """)
    {
        _context = context;
        Options.Add(_config);
        SetAction(RunAsync);
    }

    private async Task<int> RunAsync(ParseResult result, CancellationToken cancellationToken)
    {
        if (await BridgeConfiguration.LoadAsync(_config.Resolve(result, _context), _context) is not { } configuration)
        {
            return ExitCodes.BadConfiguration;
        }

        var builder = BridgeHost.CreateBuilder();
        builder.Configuration.AddConfiguration(configuration);
        builder.Services.AddSingleton(_context.Files);
        builder.Services.AddSingleton(_context.Drivers);
        builder.Services.AddBridgeOptions(configuration);
        builder.Services.AddStation();
        return await BridgeHost.RunAsync(builder, _context, cancellationToken);
    }
}
