namespace Moci.Cli;

/// <summary>A failure the user can act on: its message is printed as it is, and the process exits with <see cref="ExitCode"/>.</summary>
internal sealed class CliException(int exitCode, string message, Exception? inner = null) : Exception(message, inner)
{
    /// <summary>One of <see cref="ExitCodes"/>.</summary>
    public int ExitCode { get; } = exitCode;

    /// <summary>A wrong argument or option; the message starts with its name.</summary>
    public static CliException BadArgument(string message) => new(ExitCodes.BadArgument, message);
}
