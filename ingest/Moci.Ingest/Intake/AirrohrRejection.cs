using Moci.Telemetry.Protocol;

namespace Moci.Ingest.Intake;

/// <summary>One entry of an airrohr kit's <c>sensordatavalues</c> that cannot become a reading, and why.</summary>
/// <param name="ValueType">The entry's <c>value_type</c>, or null when it has none.</param>
/// <param name="Entry">The entry as received (its JSON text).</param>
/// <param name="Reason">What is wrong, in words a student can act on.</param>
/// <param name="Kind">Which check it failed, for counting.</param>
public sealed record AirrohrRejection(string? ValueType, string Entry, string Reason, RejectionKind Kind = RejectionKind.InvalidPack);
