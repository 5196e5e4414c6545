using System.Globalization;
using System.Text;

namespace Moci.Bridge.Configuration;

/// <summary>
/// Durations as people write them in the station's configuration and on the command line: a number and a unit
/// (<c>500ms</c>, <c>1s</c>, <c>10m</c>, <c>1h</c>, <c>7d</c>, also combined: <c>1h30m</c>), or .NET's
/// <c>[d.]hh:mm:ss</c>. A bare number is refused: "60" could mean seconds or days.
/// </summary>
internal static class Duration
{
    /// <summary>What a duration looks like, for error messages.</summary>
    public const string Expected = "a number and a unit (ms, s, m, h, d), e.g. 1s, 10m, 1h30m, or hh:mm:ss";

    /// <summary>Parses <paramref name="text"/>; false when it is not a duration or is negative.</summary>
    public static bool TryParse(string? text, out TimeSpan duration)
    {
        duration = TimeSpan.Zero;
        if (string.IsNullOrWhiteSpace(text))
        {
            return false;
        }

        text = text.Trim();
        if (text.Contains(':', StringComparison.Ordinal))
        {
            return TimeSpan.TryParse(text, CultureInfo.InvariantCulture, out duration) && duration >= TimeSpan.Zero;
        }

        var total = TimeSpan.Zero;
        var position = 0;
        while (position < text.Length)
        {
            var start = position;
            while (position < text.Length && (char.IsAsciiDigit(text[position]) || text[position] == '.'))
            {
                position++;
            }

            if (!double.TryParse(text.AsSpan(start, position - start), NumberStyles.AllowDecimalPoint, CultureInfo.InvariantCulture, out var amount))
            {
                return false;
            }

            var unitStart = position;
            while (position < text.Length && char.IsAsciiLetter(text[position]))
            {
                position++;
            }

            TimeSpan? unit = text[unitStart..position].ToLowerInvariant() switch
            {
                "ms" => TimeSpan.FromMilliseconds(1),
                "s" => TimeSpan.FromSeconds(1),
                "m" or "min" => TimeSpan.FromMinutes(1),
                "h" => TimeSpan.FromHours(1),
                "d" => TimeSpan.FromDays(1),
                _ => null,
            };
            if (unit is null)
            {
                return false;
            }

            total += TimeSpan.FromTicks((long)Math.Round(amount * unit.Value.Ticks));
        }

        duration = total;
        return true;
    }

    /// <summary>Writes <paramref name="duration"/> the short way: <c>1h30m</c>, <c>1s</c>, <c>250ms</c>, <c>0s</c>.</summary>
    public static string Format(TimeSpan duration)
    {
        if (duration == TimeSpan.Zero)
        {
            return "0s";
        }

        var text = new StringBuilder();
        if (duration < TimeSpan.Zero)
        {
            text.Append('-');
            duration = duration.Negate();
        }

        Append(text, duration.Days, "d");
        Append(text, duration.Hours, "h");
        Append(text, duration.Minutes, "m");
        Append(text, duration.Seconds, "s");
        Append(text, duration.Milliseconds, "ms");
        return text.ToString();
    }

    private static void Append(StringBuilder text, int amount, string unit)
    {
        if (amount != 0)
        {
            text.Append(amount.ToString(CultureInfo.InvariantCulture)).Append(unit);
        }
    }
}
