namespace Moci.Bridge.Configuration;

/// <summary>The station's health reports on <c>moci/v1/{id}/health</c>: section <c>health</c> of the configuration file.</summary>
internal sealed class HealthOptions
{
    /// <summary>The configuration section.</summary>
    public const string Section = "health";

    /// <summary>Time between two reports, 5 s – 1 day. Default 5 min.</summary>
    public TimeSpan Interval { get; set; } = TimeSpan.FromMinutes(5);
}
