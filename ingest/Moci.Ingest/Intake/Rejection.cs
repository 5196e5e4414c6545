using Moci.Ingest.Storage;
using Moci.Telemetry.Protocol;

namespace Moci.Ingest.Intake;

/// <summary>A dead letter with the kind of check that produced it, so that rejections are counted by kind.</summary>
/// <param name="Kind">Which check the message or record failed.</param>
/// <param name="Letter">What is kept, with the reason.</param>
public sealed record Rejection(RejectionKind Kind, DeadLetter Letter);
