namespace Moci.SystemTests.Support;

/// <summary>Starts the hub processes the way people do, with their ports and data folder moved out of the way.</summary>
public static class Hub
{
    /// <summary>
    /// The README's first command, <c>dotnet run --project dashboard/Moci.Dashboard</c>, run from the
    /// repository root. Only environment variables differ: a free web port, a free MQTT port and a temp
    /// database, so the test can run beside a hub already running on this machine.
    /// </summary>
    public static ChildProcess RunReadmeCommand(string dataFolder, int brokerPort) => new(
        "dotnet",
        ["run", "--project", "dashboard/Moci.Dashboard"],
        RepositoryRoot.Path,
        new Dictionary<string, string>
        {
            ["Urls"] = "http://127.0.0.1:0",
            ["Broker__Port"] = brokerPort.ToString(System.Globalization.CultureInfo.InvariantCulture),
            ["Storage__DatabasePath"] = Path.Combine(dataFolder, "hub.db"),
        });

    /// <summary>The ingest on its own (the built Moci.Ingest.dll), with the given settings as environment variables.</summary>
    public static ChildProcess RunIngest(IDictionary<string, string> settings)
    {
        var output = Path.Combine(RepositoryRoot.Path, "ingest", "Moci.Ingest", "bin", "Debug", "net10.0");
        var environment = new Dictionary<string, string>(settings) { ["Urls"] = "http://127.0.0.1:0" };
        return new ChildProcess("dotnet", [Path.Combine(output, "Moci.Ingest.dll")], output, environment);
    }

    /// <summary>
    /// The hub (the built Moci.Dashboard.dll, run from its output folder) with the given settings as environment
    /// variables; with <c>Intake__Enabled=false</c> it is a dashboard of its own over another hub's database.
    /// </summary>
    public static ChildProcess RunDashboard(IDictionary<string, string> settings)
    {
        var output = Path.Combine(RepositoryRoot.Path, "dashboard", "Moci.Dashboard", "bin", "Debug", "net10.0");
        var environment = new Dictionary<string, string>(settings) { ["Urls"] = "http://127.0.0.1:0" };
        return new ChildProcess("dotnet", [Path.Combine(output, "Moci.Dashboard.dll")], output, environment);
    }
}
