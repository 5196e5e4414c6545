namespace Moci.Ingest.Intake;

/// <summary>What becomes of one body an airrohr kit posted: the item for the batch writer and what to tell the kit.</summary>
/// <param name="Item">Readings and dead letters to commit.</param>
/// <param name="Error">Why the body as a whole is not airrohr JSON, or null when it is.</param>
/// <param name="ChipId">The kit's <c>esp8266id</c>, when the body names it.</param>
/// <param name="Ignored">Value types the hub does not store, each once.</param>
/// <param name="IgnoredValues">How many entries were ignored.</param>
public sealed record AirrohrAcceptance(IntakeItem Item, string? Error, string? ChipId, IReadOnlyList<string> Ignored, int IgnoredValues);
