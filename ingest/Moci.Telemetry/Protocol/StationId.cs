namespace Moci.Telemetry.Protocol;

/// <summary>
/// Station ids: lowercase letters, digits and '-', starting and ending with a letter or digit, at most
/// 64 characters (wire protocol v1, ARCHITECTURE.md; the Homie id rule of DOMAIN.md §5.4), for example
/// <c>rrg-school-01</c>. They are safe in MQTT topics, URLs, SenML names and file names.
/// </summary>
public static class StationId
{
    /// <summary>Longest id accepted.</summary>
    public const int MaxLength = 64;

    /// <summary>True when <paramref name="id"/> is a well-formed station id.</summary>
    public static bool IsValid(string? id) => Explain(id) is null;

    /// <summary>Says what is wrong with <paramref name="id"/>, or null when it is well-formed.</summary>
    public static string? Explain(string? id)
    {
        if (string.IsNullOrEmpty(id))
        {
            return "a station id must not be empty";
        }

        if (id.Length > MaxLength)
        {
            return $"the station id '{id}' is longer than {MaxLength} characters";
        }

        foreach (var c in id)
        {
            if (!char.IsAsciiLetterLower(c) && !char.IsAsciiDigit(c) && c != '-')
            {
                return $"the station id '{id}' contains '{c}'; use lowercase letters, digits and '-' (e.g. rrg-school-01)";
            }
        }

        if (id[0] == '-' || id[^1] == '-')
        {
            return $"the station id '{id}' must not start or end with '-'";
        }

        return null;
    }
}
