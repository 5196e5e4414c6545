namespace Moci.Kit.Health;

/// <summary>One sensor's state for the health report.</summary>
/// <param name="Name">The configured name.</param>
/// <param name="Type">The configured type, e.g. <c>bme280</c>.</param>
/// <param name="State">Ok, missing or failing.</param>
/// <param name="LastError">What went wrong last (with what to check), or null if nothing has.</param>
/// <param name="LastErrorAt">When it went wrong (UTC), or null.</param>
/// <param name="LastSampleAt">When it last gave values (UTC), or null if never.</param>
internal sealed record SensorStatus(string Name, string Type, SensorState State, string? LastError, DateTimeOffset? LastErrorAt, DateTimeOffset? LastSampleAt);
