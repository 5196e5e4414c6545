using Microsoft.Extensions.Options;
using Moci.Bridge.Configuration;

namespace Moci.Bridge.Commands;

/// <summary>The generic host the long-running commands (<c>run</c>, <c>simulate</c>) share.</summary>
internal static class BridgeHost
{
    /// <summary>
    /// A host builder with console logging, and under systemd its notify protocol and journald's log format. It reads
    /// no command line (System.CommandLine has) and only the logging defaults of appsettings.json beside the binary.
    /// </summary>
    public static HostApplicationBuilder CreateBuilder()
    {
        var builder = Host.CreateApplicationBuilder(new HostApplicationBuilderSettings { Args = [], ContentRootPath = AppContext.BaseDirectory });
        builder.Services.AddSystemd();
        return builder;
    }

    /// <summary>Runs the host until <paramref name="cancellationToken"/> or SIGTERM; a setting that fails its check at start is printed.</summary>
    /// <returns><see cref="ExitCodes.Success"/>, or <see cref="ExitCodes.BadConfiguration"/> when a setting is wrong.</returns>
    public static async Task<int> RunAsync(HostApplicationBuilder builder, BridgeContext context, CancellationToken cancellationToken)
    {
        using var host = builder.Build();
        try
        {
            await host.RunAsync(cancellationToken);
            return ExitCodes.Success;
        }
        catch (Exception ex) when (ex is OptionsValidationException or AggregateException { InnerExceptions: [OptionsValidationException, ..] })
        {
            foreach (var failure in OptionsRegistration.Failures(ex))
            {
                await context.Error.WriteLineAsync(failure);
            }

            return ExitCodes.BadConfiguration;
        }
    }
}
