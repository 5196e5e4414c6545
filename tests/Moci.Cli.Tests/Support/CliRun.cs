namespace Moci.Cli.Tests.Support;

/// <summary>What one in-process run of <c>moci</c> returned and printed.</summary>
/// <param name="ExitCode">The process exit code it would have had.</param>
/// <param name="Out">Everything written to stdout.</param>
/// <param name="Error">Everything written to stderr.</param>
internal sealed record CliRun(int ExitCode, string Out, string Error)
{
    /// <summary>For assertion messages.</summary>
    public override string ToString() => $"exit {ExitCode}\n--- stdout\n{Out}\n--- stderr\n{Error}";
}
