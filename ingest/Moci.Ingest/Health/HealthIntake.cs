using System.Buffers;
using Moci.Ingest.Intake;
using Moci.Ingest.Stations;
using Moci.Ingest.Storage;
using Moci.Telemetry.Protocol;

namespace Moci.Ingest.Health;

/// <summary>
/// What becomes of a message on a station's health topic: a valid report is kept as the station's newest
/// (<see cref="StationHealthStore"/>); a bad one becomes an intake item holding one dead letter with its reason, for
/// the batch writer to keep and count like any other bad input. Thread-safe.
/// </summary>
public sealed class HealthIntake(StationRegistry registry, StationHealthStore store, ILogger<HealthIntake> logger)
{
    /// <summary>
    /// Checks and keeps one report. Returns null when it was kept, or the rejection to queue. A failure of the store
    /// is logged, not thrown: the station sends a fresh report every few minutes, and the broker replays its retained
    /// one when the intake reconnects.
    /// </summary>
    /// <param name="stationId">The station whose health topic it came on.</param>
    /// <param name="topic">The topic, for the dead letter.</param>
    /// <param name="payload">The message as received.</param>
    /// <param name="receivedAt">The hub's clock at reception.</param>
    /// <param name="cancellationToken">Stops waiting for the store.</param>
    public async Task<IntakeItem?> ReceiveAsync(string stationId, string topic, ReadOnlySequence<byte> payload, DateTimeOffset receivedAt, CancellationToken cancellationToken = default)
    {
        if (!registry.TryGet(stationId, out _))
        {
            return Reject(RejectionKind.Unregistered, $"station '{stationId}' is not registered on this hub");
        }

        if (!HealthReportDecoder.TryDecode(stationId, payload, out var report, out var error))
        {
            return Reject(RejectionKind.InvalidHealth, $"invalid health report: {error}");
        }

        try
        {
            if (await store.SaveAsync(report, receivedAt, cancellationToken))
            {
                logger.HealthStored(stationId, report.At, report.Sensors.Count(s => s.IsFaulty));
            }
        }
        catch (Exception ex) when (ex is not OperationCanceledException)
        {
            logger.HealthStoreFailed(ex, stationId);
        }

        return null;

        IntakeItem Reject(RejectionKind kind, string reason)
        {
            // Kept whole, as a readings message is: the broker's packet size limit bounds it, the dead-letter store cuts it to its cap.
            var letter = new DeadLetter(receivedAt, topic, stationId, reason, payload.ToArray());
            return new IntakeItem(stationId, null, [], [new Rejection(kind, letter)]);
        }
    }
}
