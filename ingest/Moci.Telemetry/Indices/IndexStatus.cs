namespace Moci.Telemetry.Indices;

/// <summary>Whether an index could be given for a window of data.</summary>
public enum IndexStatus
{
    /// <summary>A band (and, for the US AQI, a value) was found.</summary>
    Ok,

    /// <summary>The averaging window held too few valid hours; no band is given.</summary>
    NotEnoughData,

    /// <summary>The concentration is above the top of the US AQI table: "beyond the AQI", band Hazardous, no value.</summary>
    BeyondScale,

    /// <summary>The concentration cannot be classified: negative, or above the scheme's range (the EEA discards such values).</summary>
    Invalid,
}
