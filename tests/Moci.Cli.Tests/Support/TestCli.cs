using Microsoft.Extensions.Time.Testing;
using Moci.Ingest.Tests.Support;

namespace Moci.Cli.Tests.Support;

/// <summary>
/// Runs the <c>moci</c> command line in-process against a database in a temp folder, with a fake clock and its
/// own environment variables and current folder, capturing stdout and stderr separately.
/// </summary>
internal sealed class TestCli : IDisposable
{
    /// <summary>The fake clock's start: registration times and export headers show it.</summary>
    public static readonly DateTimeOffset Now = new(2026, 11, 20, 9, 30, 0, TimeSpan.Zero);

    private readonly TempDirectory _folder = new();

    public FakeTimeProvider Time { get; } = new(Now);

    /// <summary>Environment variables the command line sees (none unless a test sets them).</summary>
    public Dictionary<string, string> Environment { get; } = [];

    /// <summary>The temp folder: the current folder of every run.</summary>
    public string Folder => _folder.Path;

    /// <summary>The database given with <c>--db</c> by <see cref="Run"/>.</summary>
    public string DatabasePath => _folder.File("hub.db");

    /// <summary>Runs <c>moci <paramref name="args"/> --db DatabasePath</c>.</summary>
    public CliRun Run(params string[] args) => RunExactly([.. args, "--db", DatabasePath]);

    /// <summary>Runs <c>moci <paramref name="args"/></c> with nothing added.</summary>
    public CliRun RunExactly(params string[] args)
    {
        using var output = new StringWriter();
        using var error = new StringWriter();
        var context = new CliContext(output, error, Time, name => Environment.GetValueOrDefault(name), Folder);
        var code = MociCli.Run(args, context);
        return new CliRun(code, output.ToString(), error.ToString());
    }

    /// <summary>Registers a station and returns its secret (from <c>--json</c>).</summary>
    public string Add(string id, string kind = "air")
    {
        var run = Run("stations", "add", id, "--name", $"Station {id}", "--kind", kind, "--lat", "41.0755", "--lon", "19.6703", "--json");
        Assert.That(run.ExitCode, Is.Zero, run.ToString());
        using var json = System.Text.Json.JsonDocument.Parse(run.Out);
        return json.RootElement.GetProperty("secret").GetString()!;
    }

    public void Dispose() => _folder.Dispose();
}
