namespace Moci.Bridge.Clock;

/// <summary>Whether the station's clock can be trusted now, and why.</summary>
/// <param name="Source">The source that vouches for the clock, or the one last heard from when none does.</param>
/// <param name="Synchronised">True when readings stamped now carry a true time; false makes them <c>ClockSuspect</c>.</param>
internal readonly record struct ClockState(ClockSource Source, bool Synchronised)
{
    /// <summary>No source vouches for the clock.</summary>
    public static ClockState Unknown { get; } = new(ClockSource.None, false);
}
