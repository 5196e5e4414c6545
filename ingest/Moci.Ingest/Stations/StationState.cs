namespace Moci.Ingest.Stations;

/// <summary>Whether a registered station may connect.</summary>
public enum StationState
{
    /// <summary>Registered (for example imported from configuration) but given no secret yet: it cannot connect.</summary>
    Pending,

    /// <summary>Has a secret and may connect and publish its own readings.</summary>
    Active,

    /// <summary>Refused from now on; its readings stay. A new secret (rotate-secret) makes it active again.</summary>
    Revoked,
}
