using Moci.Ingest.Health;
using Moci.Ingest.Intake;

namespace Moci.Cli.Commands.DeadLetters;

/// <summary>What the hub would make of a dead letter now (<see cref="LetterIntake.Accept"/>).</summary>
/// <param name="Item">The readings to store and the rejections, as the hub's intake makes them.</param>
/// <param name="Health">For a letter from a station's health topic that now passes: the report to keep; otherwise null.</param>
internal sealed record LetterOutcome(IntakeItem Item, StationHealth? Health);
