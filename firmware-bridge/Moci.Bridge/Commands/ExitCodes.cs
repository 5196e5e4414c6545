namespace Moci.Bridge.Commands;

/// <summary>The exit codes of <c>moci-bridge</c>, as its help lists them.</summary>
internal static class ExitCodes
{
    /// <summary>Done; for <c>check</c>, everything works.</summary>
    public const int Success = 0;

    /// <summary>A wrong argument or option: unknown, missing, malformed or out of range.</summary>
    public const int BadArgument = 1;

    /// <summary>The configuration file cannot be used: missing, not JSON, or a setting is wrong (each is named).</summary>
    public const int BadConfiguration = 2;

    /// <summary><c>check</c>: a sensor or the broker does not work (the table says which and what to try).</summary>
    public const int CheckFailed = 3;

    /// <summary>The lines of the help text that explain the codes.</summary>
    public const string HelpText = """
        Exit codes:
          0  done (check: everything works)
          1  a wrong argument or option (the message names it and says why)
          2  the configuration file cannot be used (each wrong setting is named with its fix)
          3  check: a sensor or the broker does not work (the table gives a hint for each)
        """;
}
