using Moci.Bridge.Configuration;
using Moci.Bridge.Sampling;

namespace Moci.Bridge.Commands;

/// <summary>
/// What the commands need from outside the process: where to write, the environment, the files the configuration
/// points at, and how sensors are opened. Tests run the command line in-process with their own.
/// </summary>
/// <param name="Out">Results (the check's table).</param>
/// <param name="Error">Errors, kept apart from results.</param>
/// <param name="Environment">Reads an environment variable; null when it is not set.</param>
/// <param name="Files">The files and devices as the configuration checks see them.</param>
/// <param name="Drivers">Opens the driver of a configured sensor.</param>
internal sealed record BridgeContext(TextWriter Out, TextWriter Error, Func<string, string?> Environment, FileView Files, SensorDrivers Drivers)
{
    /// <summary>The real console, environment, files and drivers.</summary>
    public static BridgeContext FromConsole() =>
        new(Console.Out, Console.Error, System.Environment.GetEnvironmentVariable, FileView.Real, SensorDrivers.ForStation());
}
