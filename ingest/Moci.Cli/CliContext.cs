namespace Moci.Cli;

/// <summary>
/// What a command needs from outside the process: where to write, the clock, environment variables and the
/// current folder. Tests run the command line in-process with their own writers, clock and variables.
/// </summary>
/// <param name="Out">Results: what the user asked for (secrets, lists, JSON).</param>
/// <param name="Error">Errors and notes that must not mix into results, such as "created the database".</param>
/// <param name="Time">The clock for registration times and file headers.</param>
/// <param name="Environment">Reads an environment variable; null when it is not set.</param>
/// <param name="CurrentDirectory">The folder relative paths are taken from.</param>
internal sealed record CliContext(TextWriter Out, TextWriter Error, TimeProvider Time, Func<string, string?> Environment, string CurrentDirectory)
{
    /// <summary>The real console, clock, environment and working folder.</summary>
    public static CliContext FromConsole() => new(
        Console.Out, Console.Error, TimeProvider.System, System.Environment.GetEnvironmentVariable, System.Environment.CurrentDirectory);

    /// <summary><paramref name="path"/> made absolute against <see cref="CurrentDirectory"/>.</summary>
    public string FullPath(string path) => Path.GetFullPath(path, CurrentDirectory);
}
