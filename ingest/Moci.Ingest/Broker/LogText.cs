using System.Text;

namespace Moci.Ingest.Broker;

/// <summary>
/// Makes text that came from outside (topics, user names, metric names) safe to log: at most
/// <see cref="MaxLength"/> characters, with control and non-ASCII characters escaped as <c>\uXXXX</c>, so that
/// nobody can forge log lines or flood the log. Thread-safe: stateless.
/// </summary>
public static class LogText
{
    /// <summary>Characters kept before the text is cut with "…".</summary>
    public const int MaxLength = 64;

    public static string Escape(string? text)
    {
        if (text is null)
        {
            return "";
        }

        var builder = new StringBuilder(Math.Min(text.Length, MaxLength) + 8);
        foreach (var c in text.Length > MaxLength ? text[..MaxLength] : text)
        {
            if (c is >= ' ' and <= '~' and not '\\')
            {
                builder.Append(c);
            }
            else
            {
                builder.Append(System.Globalization.CultureInfo.InvariantCulture, $"\\u{(int)c:x4}");
            }
        }

        if (text.Length > MaxLength)
        {
            builder.Append('…');
        }

        return builder.ToString();
    }
}
