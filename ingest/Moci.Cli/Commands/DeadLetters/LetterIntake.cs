using System.Buffers;
using System.Text;
using System.Text.Json;
using Microsoft.Extensions.Options;
using Moci.Ingest.Health;
using Moci.Ingest.Intake;
using Moci.Ingest.Options;
using Moci.Ingest.Stations;
using Moci.Ingest.Storage;
using Moci.Telemetry.Protocol;

namespace Moci.Cli.Commands.DeadLetters;

/// <summary>
/// Runs a dead letter through the hub's own intake again, as if it arrived at the time it did arrive: a readings
/// message through <see cref="MessageIntake"/>, a health report through <see cref="HealthIntake.Accept"/>, a
/// Sensor.Community kit's post through <see cref="AirrohrIntake"/>, against the registry, the metric catalogue and
/// the report format as they are now. No I/O.
/// </summary>
internal sealed class LetterIntake
{
    /// <summary>How the hub begins the reason of an airrohr post that was refused as a whole (<see cref="AirrohrIntake"/>).</summary>
    private const string WholeBodyReason = "not a Sensor.Community (airrohr) body";

    private readonly StationRegistry _registry;
    private readonly TimeRules _rules;
    private readonly MessageIntake _messages;

    /// <param name="registry">The stations as they are registered now.</param>
    /// <param name="options">The time rules; the reception time of each letter is their "now".</param>
    public LetterIntake(StationRegistry registry, IntakeOptions options)
    {
        _registry = registry;
        _rules = options.ToTimeRules();
        _messages = new MessageIntake(registry, Options.Create(options));
    }

    /// <summary>What the hub would make of <paramref name="letter"/> had it arrived now, with the time it did arrive.</summary>
    public LetterOutcome Accept(DeadLetter letter)
    {
        if (WireTopics.TryParse(letter.Topic, out var healthOf, out var kind) && kind == TopicKind.Health)
        {
            // A health report goes where the hub's intake sends it: the report's checks and the station's newest report.
            var accepted = HealthIntake.Accept(_registry, healthOf, letter.Topic, new ReadOnlySequence<byte>(letter.Payload), letter.ReceivedAt);
            return new LetterOutcome(accepted.Rejected ?? new IntakeItem(healthOf, null, [], []), accepted.Report);
        }

        return new LetterOutcome(AcceptReadings(letter), null);
    }

    private IntakeItem AcceptReadings(DeadLetter letter)
    {
        if (letter.Topic != AirrohrIntake.Topic)
        {
            // The whole message, or one record re-encoded as a SenML pack of its own: either is a pack.
            return _messages.Accept(letter.Topic, new ReadOnlySequence<byte>(letter.Payload), sequenceText: null, letter.ReceivedAt);
        }

        if (letter.StationId is not { } id || !_registry.TryGet(id, out var station))
        {
            var reason = $"station '{letter.StationId}' is not registered on this hub";
            var refused = new DeadLetter(letter.ReceivedAt, letter.Topic, letter.StationId, reason, letter.Payload);
            return new IntakeItem(letter.StationId, null, [], [new Rejection(RejectionKind.Unregistered, refused)]);
        }

        return AirrohrIntake.Accept(station.Id, station.Kind, AirrohrBody(letter), letter.ReceivedAt, _rules).Item;
    }

    /// <summary>
    /// The body to post again. A refused entry was kept on its own (<c>{"value_type": …, "value": …}</c>), so it
    /// goes back into a body of one entry; a body refused as a whole is posted as it is.
    /// </summary>
    internal static byte[] AirrohrBody(DeadLetter letter)
    {
        if (letter.Reason.StartsWith(WholeBodyReason, StringComparison.Ordinal))
        {
            return letter.Payload;
        }

        try
        {
            using var document = JsonDocument.Parse(letter.Payload);
            if (document.RootElement is { ValueKind: JsonValueKind.Object } root && root.TryGetProperty("sensordatavalues", out _))
            {
                return letter.Payload;
            }
        }
        catch (JsonException)
        {
            // Not JSON: no entry either; the decoder says what is wrong with it.
            return letter.Payload;
        }

        return [.. """{"sensordatavalues":["""u8, .. letter.Payload, .. "]}"u8];
    }
}
