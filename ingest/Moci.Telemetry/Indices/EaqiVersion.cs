namespace Moci.Telemetry.Indices;

/// <summary>Which edition of the European Air Quality Index's band table to use.</summary>
public enum EaqiVersion
{
    /// <summary>
    /// The six-band table the EEA published before its 2024 revision (the index was launched in November 2017 with
    /// five bands; "Extremely poor" was added later). Id <c>eaqi-classic</c>.
    /// </summary>
    Classic,

    /// <summary>The EEA's 2024 revision, aligned with the WHO 2021 guidelines. Id <c>eaqi-2024</c>.</summary>
    Revised2024,
}
