using System.Diagnostics.CodeAnalysis;

namespace Moci.Ingest.Exports;

/// <summary>Looks up IANA time zones (through ICU on Linux) and converts instants into them quickly.</summary>
internal static class ExportTimeZone
{
    /// <summary>Finds a zone by IANA (or Windows) id; false for an unknown or empty id.</summary>
    public static bool TryFind(string? id, [NotNullWhen(true)] out TimeZoneInfo? zone)
    {
        zone = null;
        if (string.IsNullOrWhiteSpace(id))
        {
            return false;
        }

        try
        {
            zone = TimeZoneInfo.FindSystemTimeZoneById(id.Trim());
            return true;
        }
        catch (Exception ex) when (ex is TimeZoneNotFoundException or InvalidTimeZoneException)
        {
            return false;
        }
    }
}
