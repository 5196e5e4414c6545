namespace Moci.Telemetry.Limits;

/// <summary>One hour or day whose valid mean was above a limit value.</summary>
/// <param name="Start">Start of the period, UTC.</param>
/// <param name="Mean">The period's mean, in the limit's unit.</param>
public sealed record ExceedingPeriod(DateTimeOffset Start, double Mean);
