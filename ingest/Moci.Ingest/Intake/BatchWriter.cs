using System.Globalization;
using Microsoft.Extensions.Options;
using Moci.Ingest.Operations;
using Moci.Ingest.Options;
using Moci.Ingest.Storage;
using Moci.Telemetry.Metrics;
using Moci.Telemetry.Protocol;
using Moci.Telemetry.Readings;
using Moci.Telemetry.SenML;

namespace Moci.Ingest.Intake;

/// <summary>
/// Drains the <see cref="IntakeQueue"/> into the store: everything waiting (up to
/// <see cref="StorageOptions.MaxBatchReadings"/>) goes into one transaction, dead letters are kept, and only
/// then are the messages acknowledged: to the broker (PUBACK, in arrival order) and to each station, with one
/// message per station and commit listing the batches committed (<see cref="BatchAck"/>). Acknowledgements of
/// one commit travel while the next commit is written; they are all sent before the writer stops. A reading
/// whose (station, metric, time) is already stored with another value or flags is a conflict: the first stays
/// and the newcomer becomes a dead letter. A failing commit is retried with back-off and nothing is
/// acknowledged until it succeeds. On shutdown the queue is drained first.
/// </summary>
public sealed class BatchWriter(
    IntakeQueue queue,
    IReadingStore store,
    DeadLetterStore deadLetters,
    MqttIntake intake,
    IngestCounters counters,
    IngestMetrics metrics,
    IOptions<StorageOptions> options,
    TimeProvider time,
    ILogger<BatchWriter> logger) : BackgroundService
{
    private static readonly TimeSpan MaxRetryDelay = TimeSpan.FromSeconds(30);

    // The station acknowledgements of the previous commit, still on their way.
    private Task _acknowledging = Task.CompletedTask;

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        try
        {
            while (await queue.Reader.WaitToReadAsync(stoppingToken))
            {
                await DrainOnceAsync(stoppingToken);
            }
        }
        catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
        {
        }

        // Whatever the intake already took from the broker is committed before the process exits.
        while (queue.Reader.TryPeek(out _))
        {
            await DrainOnceAsync(CancellationToken.None);
        }

        await _acknowledging;
    }

    private async Task DrainOnceAsync(CancellationToken cancellationToken)
    {
        var maxReadings = options.Value.MaxBatchReadings;
        var items = new List<IntakeItem>();
        var readings = new List<Reading>();
        var letters = new List<DeadLetter>();
        while (readings.Count < maxReadings && queue.Reader.TryRead(out var item))
        {
            items.Add(item);
            readings.AddRange(item.Readings);
            letters.AddRange(item.DeadLetters);
        }

        if (items.Count == 0)
        {
            return;
        }

        var started = time.GetTimestamp();
        var (result, conflictLetters) = await CommitAsync(readings, letters, cancellationToken);
        metrics.CommitTook(time.GetElapsedTime(started));
        var deadLetterCount = letters.Count + conflictLetters.Count;
        if (result.DuplicatesKnown)
        {
            counters.Committed(result.Inserted, result.Duplicates, result.Conflicts.Count, deadLetterCount);
        }
        else
        {
            counters.CommittedUnclassified(result.Written, deadLetterCount);
        }

        foreach (var item in items)
        {
            foreach (var rejection in item.Rejections)
            {
                counters.Rejected(rejection.Kind);
            }
        }

        if (conflictLetters is [var conflict, ..])
        {
            logger.DeadLettered(conflictLetters.Count, conflict.Topic, conflict.Reason);
        }

        logger.BatchCommitted(result.Inserted, result.Duplicates, result.Conflicts.Count, deadLetterCount, items.Count);

        // PUBACKs in the order the messages arrived (MQTT requires it for QoS 1).
        foreach (var item in items)
        {
            await AcknowledgeDeliveryAsync(item);
        }

        // Then one acknowledgement per station, sent while the next batch is being committed. The previous
        // commit's must be out first, so that at most one commit's acknowledgements are in flight.
        await _acknowledging;
        _acknowledging = Task.WhenAll(items
            .Where(item => item is { StationId: not null, Sequence: not null })
            .GroupBy(item => item.StationId!, StringComparer.Ordinal)
            .Select(station => intake.PublishAckAsync(station.Key, [.. station.Select(item => item.Sequence!.Value)], CancellationToken.None)));
    }

    private async Task AcknowledgeDeliveryAsync(IntakeItem item)
    {
        if (item.AcknowledgeDelivery is null)
        {
            return;
        }

        try
        {
            await item.AcknowledgeDelivery(CancellationToken.None);
        }
        catch (Exception ex) when (ex is not OperationCanceledException)
        {
            // The connection it came on is gone; the broker redelivers the message and the store ignores the copy.
            logger.DeliveryAckFailed(ex);
        }
    }

    private async Task<(WriteResult Result, List<DeadLetter> ConflictLetters)> CommitAsync(
        List<Reading> readings, List<DeadLetter> letters, CancellationToken cancellationToken)
    {
        var delay = TimeSpan.FromMilliseconds(100);
        while (true)
        {
            try
            {
                var result = await store.WriteAsync(readings, CancellationToken.None);

                // A retry after a failed dead-letter write finds the same conflicts again: the first value stays stored.
                var now = time.GetUtcNow();
                var conflictLetters = result.Conflicts.Select(c => ConflictLetter(c, now)).ToList();
                await deadLetters.AddAsync([.. letters, .. conflictLetters], CancellationToken.None);
                return (result, conflictLetters);
            }
            catch (Exception ex) when (ex is not OperationCanceledException)
            {
                logger.CommitFailed(ex, readings.Count, delay);
                await Task.Delay(delay, time, cancellationToken);
                delay = TimeSpan.FromTicks(Math.Min(delay.Ticks * 2, MaxRetryDelay.Ticks));
            }
        }
    }

    /// <summary>
    /// The dead letter of a conflicting reading: the newcomer re-encoded as a SenML record in its metric's
    /// unit, and a reason naming the metric, the time and both values.
    /// </summary>
    internal static DeadLetter ConflictLetter(ReadingConflict conflict, DateTimeOffset now)
    {
        var (stored, newcomer) = (conflict.Stored, conflict.Rejected);
        var unit = MetricCatalogue.TryGet(newcomer.Metric, out var metric) ? metric.Unit : null;
        var record = new SenMLRecord(
            WireProtocol.BaseName(newcomer.StationId) + newcomer.Metric,
            unit,
            newcomer.Value,
            Time: SenMLTime.ToSeconds(newcomer.Timestamp));
        var reason = $"conflict: '{newcomer.Metric}' at {SenMLTime.Describe(newcomer.Timestamp)} is already stored as {Describe(stored)}; " +
                     $"the new value {Describe(newcomer)} is not stored (the first value of a station, metric and time stays)";
        return new DeadLetter(now, WireTopics.Readings(newcomer.StationId), newcomer.StationId, reason, SenMLEncoder.EncodeRecord(record));

        static string Describe(Reading reading) =>
            reading.Value.ToString("R", CultureInfo.InvariantCulture) +
            (reading.Flags == QaFlags.None ? "" : $" (flags: {string.Join(", ", QaFlagNames.Of(reading.Flags))})");
    }
}
