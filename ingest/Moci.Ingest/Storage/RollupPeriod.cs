namespace Moci.Ingest.Storage;

/// <summary>
/// The periods readings are rolled up over. Both are UTC: an hour is [hh:00, hh+1:00) and a day is
/// [00:00Z, 24:00Z). UTC days last 24 hours all year, whatever the daylight-saving rules of the place, so a day's
/// rollup never needs to know a time zone, and a zone's rules can change without touching stored rollups; local
/// days (which last 23 or 25 hours twice a year) can be put together later from the hourly rollups.
/// </summary>
public enum RollupPeriod
{
    /// <summary>A UTC hour.</summary>
    Hour,

    /// <summary>A UTC day of 24 hours.</summary>
    Day,
}
