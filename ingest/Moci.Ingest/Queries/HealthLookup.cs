namespace Moci.Ingest.Queries;

/// <summary>What <see cref="StationHealthQueries.LatestAsync"/> found.</summary>
public enum HealthLookup
{
    /// <summary>The station's newest report.</summary>
    Found,

    /// <summary>The station is registered but has sent no valid health report yet.</summary>
    NoneYet,

    /// <summary>No such station is registered.</summary>
    UnknownStation,
}
