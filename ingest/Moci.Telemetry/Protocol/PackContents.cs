using Moci.Telemetry.Readings;

namespace Moci.Telemetry.Protocol;

/// <summary>What a station's SenML pack holds once checked against the metric catalogue.</summary>
/// <param name="Readings">Records that became readings (flagged where QA says so).</param>
/// <param name="Rejected">Records that could not become readings, each with its reason.</param>
public sealed record PackContents(IReadOnlyList<Reading> Readings, IReadOnlyList<RejectedRecord> Rejected);
