using Moci.Telemetry.SenML;

namespace Moci.Ingest.Intake;

/// <summary>One entry of an airrohr kit's <c>sensordatavalues</c> that maps onto a catalogue metric.</summary>
/// <param name="ValueType">The entry's <c>value_type</c> as the kit sent it, for example <c>BME280_pressure</c>.</param>
/// <param name="Entry">The entry as received (its JSON text), kept for a dead letter.</param>
/// <param name="Record">
/// The entry as a SenML record: the station's base name plus the metric name, the unit the kit measures in
/// (pressure in Pa), the value, and the hub's arrival time.
/// </param>
public sealed record AirrohrValue(string ValueType, string Entry, SenMLRecord Record);
