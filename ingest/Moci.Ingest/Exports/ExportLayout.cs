namespace Moci.Ingest.Exports;

/// <summary>How readings of several series are laid out.</summary>
public enum ExportLayout
{
    /// <summary>One row per reading: station, metric, time, value, unit, flags. Series follow each other (station, then metric, then time).</summary>
    Long,

    /// <summary>One row per instant with a value and a flags column per series, for spreadsheets and charts.</summary>
    Wide,
}
