namespace Moci.Ingest.Queries;

/// <summary>What one point of a series stands for.</summary>
public enum Resolution
{
    /// <summary>One stored reading.</summary>
    Raw,

    /// <summary>One UTC hour [hh:00, hh+1:00), from the hourly rollups.</summary>
    Hour,

    /// <summary>One UTC day [00:00Z, 24:00Z), from the daily and hourly rollups.</summary>
    Day,
}
