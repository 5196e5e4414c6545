namespace Moci.Ingest.Stations;

/// <summary>The outcome of checking a station's id and secret.</summary>
public enum StationAuthResult
{
    /// <summary>Registered, active and the secret matches.</summary>
    Accepted,

    /// <summary>No station with that id is registered.</summary>
    UnknownStation,

    /// <summary>Registered but never given a secret.</summary>
    NoSecret,

    /// <summary>Revoked.</summary>
    Revoked,

    /// <summary>The secret does not match.</summary>
    WrongSecret,
}
