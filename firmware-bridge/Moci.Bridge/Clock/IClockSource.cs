namespace Moci.Bridge.Clock;

/// <summary>
/// Tells whether the station's clock is known to be right. The station's is <see cref="StationClock"/>; tests give
/// their own. Implementations are thread-safe: every sensor's sampler asks.
/// </summary>
internal interface IClockSource
{
    /// <summary>The clock's state now.</summary>
    ClockState Current { get; }
}
