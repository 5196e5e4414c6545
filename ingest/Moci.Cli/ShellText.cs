namespace Moci.Cli;

/// <summary>Puts values into command lines that are printed for people to copy into a POSIX shell.</summary>
internal static class ShellText
{
    /// <summary><paramref name="value"/> as it is when the shell leaves it alone, else in single quotes.</summary>
    public static string Quote(string value) =>
        value.Length > 0 && value.All(c => char.IsAsciiLetterOrDigit(c) || c is '/' or '.' or '_' or '-' or '+' or ':' or '=' or ',' or '@')
            ? value
            : "'" + value.Replace("'", "'\\''", StringComparison.Ordinal) + "'";
}
