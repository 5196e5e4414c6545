using System.Globalization;
using System.Text.Json;

namespace Moci.SystemTests.Support;

/// <summary>The admin command line as the solution build leaves it, run as <c>dotnet path/to/moci.dll …</c>.</summary>
public static class MociCommand
{
    private static readonly TimeSpan Timeout = TimeSpan.FromSeconds(60);

    /// <summary>The built <c>moci.dll</c>.</summary>
    public static string Dll { get; } = Path.Combine(RepositoryRoot.Path, "ingest", "Moci.Cli", "bin", "Debug", "net10.0", "moci.dll");

    /// <summary>Runs <c>moci <paramref name="arguments"/></c> to completion.</summary>
    public static Task<ProcessRun> RunAsync(params string[] arguments) => ProcessRun.RunAsync("dotnet", [Dll, .. arguments], Timeout);

    /// <summary>Registers a station in <paramref name="database"/> and returns its secret.</summary>
    public static async Task<string> AddStationAsync(string database, string id, string kind = "air")
    {
        var run = await RunAsync("--db", database, "stations", "add", id, "--name", $"Station {id}", "--kind", kind, "--lat", "41.0755", "--lon", "19.6703", "--json");
        using var json = run.ExitCode == 0 ? JsonDocument.Parse(run.Out) : throw new InvalidOperationException($"moci stations add failed:\n{run}");
        return json.RootElement.GetProperty("secret").GetString()!;
    }

    /// <summary>Writes Mosquitto's files for <paramref name="database"/> into <paramref name="directory"/>.</summary>
    public static async Task<ProcessRun> ExportAsync(string database, string directory, int port, params string[] options)
    {
        var run = await RunAsync(["--db", database, "mosquitto", "export", "--dir", directory, "--port", port.ToString(CultureInfo.InvariantCulture), .. options]);
        return run.ExitCode == 0 ? run : throw new InvalidOperationException($"moci mosquitto export failed:\n{run}");
    }
}
