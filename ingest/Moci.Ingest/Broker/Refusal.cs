namespace Moci.Ingest.Broker;

/// <summary>Why the broker refused a connection, a publish or a subscription; counted per kind.</summary>
public enum Refusal
{
    /// <summary>CONNECT without a user name.</summary>
    Anonymous,

    /// <summary>The user name is no registered station.</summary>
    UnknownStation,

    /// <summary>The password does not match.</summary>
    WrongSecret,

    /// <summary>The station was never given a secret.</summary>
    NoSecret,

    /// <summary>The station is revoked.</summary>
    Revoked,

    /// <summary>The client id is neither the station id nor starts with it and '-', or is the intake's.</summary>
    ClientIdNotAllowed,

    /// <summary>Keep-alive of 0 (never) or above the broker's maximum.</summary>
    KeepAliveOutOfRange,

    /// <summary>The broker already holds its maximum number of connections.</summary>
    TooManyConnections,

    /// <summary>Too many connections from one address have not finished connecting.</summary>
    TooManyPending,

    /// <summary>A packet larger than the broker's maximum.</summary>
    PacketTooLarge,

    /// <summary>The TLS handshake failed or took too long.</summary>
    TlsHandshake,

    /// <summary>A topic name with wildcards, NUL or control characters.</summary>
    TopicInvalid,

    /// <summary>A publish on a topic the client may not use.</summary>
    PublishNotAllowed,

    /// <summary>A subscription to a filter the client may not use.</summary>
    SubscribeNotAllowed,

    /// <summary>A station sent faster than its message rate allows.</summary>
    RateExceeded,
}
