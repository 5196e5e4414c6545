using Moci.Telemetry.SenML;

namespace Moci.Telemetry.Protocol;

/// <summary>A well-formed SenML record the hub cannot store as a reading, and why.</summary>
public sealed record RejectedRecord(SenMLRecord Record, string Reason);
