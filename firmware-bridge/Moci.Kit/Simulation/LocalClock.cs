namespace Moci.Kit.Simulation;

/// <summary>
/// Local time along the Shkumbin (Europe/Tirane, CET/CEST), for the rhythms people set by the clock:
/// traffic peaks, evening heating and burning. Falls back to UTC+1 where the time-zone database is missing.
/// </summary>
internal static class LocalClock
{
    private static readonly TimeZoneInfo Zone = FindZone();

    public static DateTime ToLocal(DateTimeOffset instant) => TimeZoneInfo.ConvertTime(instant, Zone).DateTime;

    private static TimeZoneInfo FindZone()
    {
        try
        {
            return TimeZoneInfo.FindSystemTimeZoneById("Europe/Tirane");
        }
        catch (Exception ex) when (ex is TimeZoneNotFoundException or InvalidTimeZoneException)
        {
            return TimeZoneInfo.CreateCustomTimeZone("UTC+1", TimeSpan.FromHours(1), "UTC+1", "UTC+1");
        }
    }
}
