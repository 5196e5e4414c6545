using Moci.Telemetry.SenML;

namespace Moci.Telemetry.Protocol;

/// <summary>A well-formed SenML record the hub cannot store as a reading, and why.</summary>
/// <param name="Record">The record as resolved from the pack.</param>
/// <param name="Reason">Why, in words the station's owner can act on; sender text in it is quoted with <see cref="LogText"/>.</param>
/// <param name="Kind">Which check it failed, for counting.</param>
public sealed record RejectedRecord(SenMLRecord Record, string Reason, RejectionKind Kind);
