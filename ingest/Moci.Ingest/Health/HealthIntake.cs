using System.Buffers;
using System.Collections.Concurrent;
using System.Security.Cryptography;
using Moci.Ingest.Intake;
using Moci.Ingest.Stations;
using Moci.Ingest.Storage;
using Moci.Telemetry.Protocol;

namespace Moci.Ingest.Health;

/// <summary>
/// What becomes of a message on a station's health topic: a valid report is kept as the station's newest
/// (<see cref="StationHealthStore"/>); a bad one becomes an intake item holding one dead letter with its reason, for
/// the batch writer to keep and count like any other bad input, once. Thread-safe.
/// </summary>
/// <remarks>
/// A station's report is retained, and the intake subscribes to health with the retained messages replayed, as they
/// are state: a bad report the station has not yet replaced reaches the intake again at each of its reconnections.
/// Such a repeat is not dead-lettered again: the intake remembers, per station, the SHA-256 of the last payload it
/// rejected, and after a restart of the hub it looks for an identical dead letter in the store before it adds one.
/// The memory holds one hash per station that sent a bad report; only stations may publish on their health topic.
/// </remarks>
public sealed class HealthIntake(StationRegistry registry, StationHealthStore store, DeadLetterStore deadLetters, ILogger<HealthIntake> logger)
{
    private readonly ConcurrentDictionary<string, byte[]> _lastRejected = new(StringComparer.Ordinal);

    /// <summary>
    /// Checks and keeps one report. Returns null when it was kept, or was rejected before with the same payload (and
    /// so is already a dead letter); otherwise the rejection to queue. A failure of the store is logged, not thrown:
    /// the station sends a fresh report every few minutes, and the broker replays its retained one when the intake
    /// reconnects.
    /// </summary>
    /// <param name="stationId">The station whose health topic it came on.</param>
    /// <param name="topic">The topic, for the dead letter.</param>
    /// <param name="payload">The message as received.</param>
    /// <param name="receivedAt">The hub's clock at reception.</param>
    /// <param name="cancellationToken">Stops waiting for the stores.</param>
    public async Task<IntakeItem?> ReceiveAsync(string stationId, string topic, ReadOnlySequence<byte> payload, DateTimeOffset receivedAt, CancellationToken cancellationToken = default)
    {
        var accepted = Accept(registry, stationId, topic, payload, receivedAt);
        if (accepted.Rejected is { } rejected)
        {
            return await AlreadyDeadLetteredAsync(stationId, rejected.DeadLetters[0], cancellationToken) ? null : rejected;
        }

        var report = accepted.Report!;
        _lastRejected.TryRemove(stationId, out _);
        try
        {
            if (await store.SaveAsync(report, receivedAt, cancellationToken: cancellationToken))
            {
                logger.HealthStored(stationId, report.At, report.Sensors.Count(s => s.IsFaulty));
            }
        }
        catch (Exception ex) when (ex is not OperationCanceledException)
        {
            logger.HealthStoreFailed(ex, stationId);
        }

        return null;
    }

    /// <summary>
    /// Checks a message on <paramref name="stationId"/>'s health topic against the registry as it is now and the report
    /// format, without keeping anything: the hub's intake and the replay of dead letters (<c>moci dead-letters replay</c>)
    /// both go through it. No I/O; thread-safe if the registry is.
    /// </summary>
    /// <param name="registry">The registered stations.</param>
    /// <param name="stationId">The station whose health topic it came on.</param>
    /// <param name="topic">The topic, for the dead letter.</param>
    /// <param name="payload">The message as received.</param>
    /// <param name="receivedAt">When the hub received it, for the dead letter.</param>
    public static HealthAcceptance Accept(StationRegistry registry, string stationId, string topic, ReadOnlySequence<byte> payload, DateTimeOffset receivedAt)
    {
        if (!registry.TryGet(stationId, out _))
        {
            return Reject(RejectionKind.Unregistered, $"station '{stationId}' is not registered on this hub");
        }

        return HealthReportDecoder.TryDecode(stationId, payload, out var report, out var error)
            ? new HealthAcceptance(report, null)
            : Reject(RejectionKind.InvalidHealth, $"invalid health report: {error}");

        HealthAcceptance Reject(RejectionKind kind, string reason)
        {
            // Kept whole, as a readings message is: the broker's packet size limit bounds it, the dead-letter store cuts it to its cap.
            var letter = new DeadLetter(receivedAt, topic, stationId, reason, payload.ToArray());
            return new HealthAcceptance(null, new IntakeItem(stationId, null, [], [new Rejection(kind, letter)]));
        }
    }

    /// <summary>
    /// Whether <paramref name="letter"/>'s payload is the last one this intake rejected for the station or, the first
    /// time since the hub started, is already in the dead-letter store. Remembers it either way.
    /// </summary>
    private async Task<bool> AlreadyDeadLetteredAsync(string stationId, DeadLetter letter, CancellationToken cancellationToken)
    {
        var hash = SHA256.HashData(letter.Payload);
        if (_lastRejected.TryGetValue(stationId, out var last) && last.AsSpan().SequenceEqual(hash))
        {
            logger.HealthRepeatIgnored(stationId);
            return true;
        }

        bool stored;
        try
        {
            stored = await deadLetters.ContainsAsync(stationId, letter.Topic, letter.Payload, cancellationToken);
        }
        catch (Exception ex) when (ex is not OperationCanceledException)
        {
            // In doubt, one letter too many rather than one too few.
            logger.HealthDeadLetterLookupFailed(ex, stationId);
            stored = false;
        }

        _lastRejected[stationId] = hash;
        if (stored)
        {
            logger.HealthRepeatIgnored(stationId);
        }

        return stored;
    }
}
