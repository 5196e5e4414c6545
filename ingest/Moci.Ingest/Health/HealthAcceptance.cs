using Moci.Ingest.Intake;

namespace Moci.Ingest.Health;

/// <summary>What the hub makes of a message on a station's health topic (<see cref="HealthIntake.Accept"/>): exactly one of the two is set.</summary>
/// <param name="Report">The report, checked, when it may be kept.</param>
/// <param name="Rejected">Otherwise an intake item holding its one dead letter, with the reason and the kind of the rejection.</param>
public sealed record HealthAcceptance(StationHealth? Report, IntakeItem? Rejected);
