namespace Moci.Cli;

/// <summary>The exit codes of <c>moci</c>, as its help lists them.</summary>
internal static class ExitCodes
{
    /// <summary>Done.</summary>
    public const int Success = 0;

    /// <summary>A wrong argument or option: malformed, out of range, an unknown station, an id already taken.</summary>
    public const int BadArgument = 1;

    /// <summary>The database or an output file cannot be used: missing, unreadable, not writable, from a newer release.</summary>
    public const int CannotUseFiles = 2;

    /// <summary>The lines of the help text that explain the codes.</summary>
    public const string HelpText = """
        Exit codes:
          0  done
          1  a wrong argument or option (the message names it and says why)
          2  the database or an output file cannot be used (the message names the file)
        """;
}
