namespace Moci.Bridge.Commands;

/// <summary>One line of <c>moci-bridge check</c>'s table.</summary>
/// <param name="What">What was probed: a sensor's name and type, or the broker.</param>
/// <param name="Works">True when it answered as it should.</param>
/// <param name="Detail">What it gave (values, the broker's answer) or what went wrong.</param>
/// <param name="Hint">What to try when it does not work; null when it does.</param>
/// <param name="Raw">
/// For a sensor that was read: its raw values (an analogue probe's volts) or its values at full precision, for
/// <c>check --raw</c>; null for what was not read.
/// </param>
internal sealed record ProbeResult(string What, bool Works, string Detail, string? Hint = null, string? Raw = null);
