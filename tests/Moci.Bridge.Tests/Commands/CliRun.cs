using Moci.Bridge.Commands;
using Moci.Bridge.Configuration;
using Moci.Bridge.Sampling;
using Moci.Bridge.Sensors;

namespace Moci.Bridge.Tests.Commands;

/// <summary>Runs <c>moci-bridge</c> in-process with captured output, a made-up machine and the given sensor drivers.</summary>
internal static class CliRun
{
    /// <summary>The exit code and what was written.</summary>
    public sealed record Outcome(int ExitCode, string Out, string Error);

    public static async Task<Outcome> RunAsync(
        string[] args,
        IReadOnlyDictionary<string, Func<SensorOptions, ISensor>>? drivers = null,
        ISet<string>? existing = null,
        CancellationToken cancellationToken = default)
    {
        using var output = new StringWriter();
        using var error = new StringWriter();
        var paths = existing ?? new HashSet<string> { "/dev/i2c-1" };
        var context = new BridgeContext(
            output,
            error,
            _ => null,
            new FileView(paths.Contains, path => throw new FileNotFoundException(path)),
            new SensorDrivers(drivers ?? new Dictionary<string, Func<SensorOptions, ISensor>>()));
        var code = await BridgeCli.RunAsync(args, context, cancellationToken);
        return new Outcome(code, output.ToString(), error.ToString());
    }
}
