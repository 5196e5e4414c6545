using System.Text;

namespace Moci.Telemetry.Protocol;

/// <summary>
/// Quotes text a sender chose (metric names, units, labels, topics) inside reasons and log lines. The
/// quote is short and printable ASCII only, so a hostile sender can neither forge log lines (CWE-117: no
/// line breaks, no terminal escapes) nor bloat every reason with megabytes of its own text.
/// Thread-safe: stateless.
/// </summary>
public static class LogText
{
    /// <summary>Most characters of the sender's text a quote keeps; the rest is cut and marked with "...".</summary>
    public const int MaxQuoted = 64;

    /// <summary>
    /// The text in single quotes: at most <paramref name="maxLength"/> of its characters, each control
    /// character, non-ASCII character, quote and backslash escaped as <c>\uXXXX</c> (UTF-16 code units).
    /// </summary>
    /// <param name="text">What the sender sent; null is quoted as an empty string.</param>
    /// <param name="maxLength">Characters of <paramref name="text"/> kept, at least 1.</param>
    public static string Quote(string? text, int maxLength = MaxQuoted) => "'" + Escape(text, maxLength) + "'";

    /// <summary>Like <see cref="Quote"/> without the surrounding quotes, for text that is not quoted (e.g. a topic field).</summary>
    public static string Escape(string? text, int maxLength = MaxQuoted)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(maxLength, 1);
        text ??= "";
        var kept = Math.Min(text.Length, maxLength);
        var builder = new StringBuilder(kept + 8);
        for (var i = 0; i < kept; i++)
        {
            var c = text[i];
            if (c is >= ' ' and <= '~' and not ('\'' or '\\'))
            {
                builder.Append(c);
            }
            else
            {
                builder.Append("\\u").Append(((int)c).ToString("X4", System.Globalization.CultureInfo.InvariantCulture));
            }
        }

        if (text.Length > maxLength)
        {
            builder.Append("...");
        }

        return builder.ToString();
    }
}
