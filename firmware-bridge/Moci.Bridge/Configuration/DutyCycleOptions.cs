namespace Moci.Bridge.Configuration;

/// <summary>
/// The duty cycle of a laser particle sensor (SDS011, PMS5003/7003): it works for <see cref="Work"/>, then sleeps for
/// <see cref="Sleep"/>, again and again. The first 30 s of each work period are the fan's warm-up, whose readings are
/// discarded, so <see cref="Work"/> must be longer than that.
/// </summary>
internal sealed class DutyCycleOptions
{
    /// <summary>How long the sensor runs in each cycle, warm-up included; more than 30 s, e.g. <c>1m</c>.</summary>
    public TimeSpan? Work { get; set; }

    /// <summary>How long it sleeps between two work periods, e.g. <c>4m</c>; at least 1 s.</summary>
    public TimeSpan? Sleep { get; set; }
}
