using System.Globalization;
using Microsoft.Extensions.Options;
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
/// then are the messages acknowledged: to the broker (PUBACK) and to each station (<c>{"seq": N}</c> per
/// batch). A reading whose (station, metric, time) is already stored with another value or flags is a
/// conflict: the first stays and the newcomer becomes a dead letter. A failing commit is retried with
/// back-off and nothing is acknowledged until it succeeds. On shutdown the queue is drained first.
/// </summary>
public sealed class BatchWriter(
    IntakeQueue queue,
    IReadingStore store,
    DeadLetterStore deadLetters,
    MqttIntake intake,
    IngestCounters counters,
    IOptions<StorageOptions> options,
    TimeProvider time,
    ILogger<BatchWriter> logger) : BackgroundService
{
    private static readonly TimeSpan MaxRetryDelay = TimeSpan.FromSeconds(30);

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

        var (result, conflictLetters) = await CommitAsync(readings, letters, cancellationToken);
        var deadLetterCount = letters.Count + conflictLetters.Count;
        counters.Committed(result.Inserted, result.Duplicates, result.Conflicts.Count, deadLetterCount);
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

        // PUBACKs in the order the messages arrived (MQTT requires it for QoS 1), then one
        // acknowledgement per batch to its station.
        foreach (var item in items)
        {
            await AcknowledgeDeliveryAsync(item);
        }

        foreach (var item in items)
        {
            if (item is { StationId: { } station, Sequence: { } sequence })
            {
                await intake.PublishAckAsync(station, sequence, CancellationToken.None);
            }
        }
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
