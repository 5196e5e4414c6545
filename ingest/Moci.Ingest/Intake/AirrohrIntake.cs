using System.Text;
using Moci.Ingest.Storage;
using Moci.Telemetry.Protocol;
using Moci.Telemetry.Readings;
using Moci.Telemetry.Stations;

namespace Moci.Ingest.Intake;

/// <summary>
/// Decides what becomes of one body posted by a Sensor.Community kit: decode it (<see cref="AirrohrDecoder"/>),
/// check the records with the same rules as an MQTT pack (<see cref="StationPack.Read"/>), stamp the readings
/// with the hub's arrival time and flag them <see cref="QaFlags.HubTimed"/>, and turn what cannot be stored into
/// dead letters. No I/O; never throws for bad input. Thread-safe: stateless.
/// </summary>
public static class AirrohrIntake
{
    /// <summary>The "topic" dead letters of posted bodies carry, so that they can be told apart from MQTT ones.</summary>
    public const string Topic = "http:/api/v1/airrohr";

    /// <summary>Turns a posted body into an intake item.</summary>
    /// <param name="stationId">The authenticated station it was posted as.</param>
    /// <param name="kind">The station's kind.</param>
    /// <param name="body">The body as received.</param>
    /// <param name="receivedAt">The hub's clock at arrival (UTC).</param>
    /// <param name="rules">The hub's time rules (readings carry the arrival time, so only a hub clock far off can break them).</param>
    public static AirrohrAcceptance Accept(string stationId, StationKind kind, ReadOnlyMemory<byte> body, DateTimeOffset receivedAt, TimeRules rules)
    {
        if (!AirrohrDecoder.TryDecode(body, stationId, kind, receivedAt, out var payload, out var error))
        {
            var letter = new DeadLetter(receivedAt, Topic, stationId, $"not a Sensor.Community (airrohr) body: {error}", body.ToArray());
            return new AirrohrAcceptance(new IntakeItem(stationId, null, [], [new Rejection(RejectionKind.InvalidPack, letter)]), error, null, [], 0);
        }

        var contents = StationPack.Read(stationId, kind, payload.Values.Select(v => v.Record).ToList(), receivedAt, rules);
        var readings = contents.Readings.Select(r => r with { Flags = r.Flags | QaFlags.HubTimed }).ToList();

        // Record names are unique within a payload (one value per metric), so a rejected record leads back to its entry.
        var letters = payload.Rejected
            .Select(r => new Rejection(r.Kind, Letter(r.Reason, r.Entry)))
            .Concat(contents.Rejected.Select(r => new Rejection(r.Kind, payload.Values.FirstOrDefault(v => v.Record.Name == r.Record.Name) is { } value
                ? Letter($"'{value.ValueType}': {r.Reason}", value.Entry)
                : Letter(r.Reason, r.Record.Name))))
            .ToList();
        return new AirrohrAcceptance(new IntakeItem(stationId, null, readings, letters), null, payload.ChipId, payload.Ignored, payload.IgnoredValues);

        DeadLetter Letter(string reason, string entry) => new(receivedAt, Topic, stationId, reason, Encoding.UTF8.GetBytes(entry));
    }
}
