namespace Moci.Kit.Simulation;

/// <summary>A simulated rain shower: when it starts, how long it lasts, and how heavy it is (0–1).</summary>
public sealed record RainEvent(DateTimeOffset Start, TimeSpan Duration, double Intensity)
{
    public DateTimeOffset End => Start + Duration;
}
