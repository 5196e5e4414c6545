namespace Moci.Bridge.Configuration;

/// <summary>Where the station keeps what the hub has not acknowledged yet: section <c>outbox</c> of the configuration file.</summary>
internal sealed class OutboxOptions
{
    /// <summary>The configuration section.</summary>
    public const string Section = "outbox";

    /// <summary>The data folder of the outbox, an absolute path the bridge's user may write. Default <c>/var/lib/moci-bridge</c>.</summary>
    public string DataDir { get; set; } = "/var/lib/moci-bridge";
}
