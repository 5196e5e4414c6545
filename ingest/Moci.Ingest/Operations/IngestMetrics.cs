using System.Diagnostics.Metrics;
using Moci.Ingest.Broker;
using Moci.Ingest.Intake;

namespace Moci.Ingest.Operations;

/// <summary>
/// The hub's metrics as OpenTelemetry instruments of the meter <see cref="MeterName"/>, exported for Prometheus at
/// <c>/metrics</c> (names there: <c>moci_…</c>, counters with <c>_total</c>). Counters are read from the running
/// totals when scraped, so the hot path only increments integers. Thread-safe.
/// </summary>
public sealed class IngestMetrics : IDisposable
{
    public const string MeterName = "Moci.Ingest";

    private readonly Meter _meter;
    private readonly Histogram<double> _commitDuration;

    public IngestMetrics(IMeterFactory meters, IngestCounters counters, BrokerCounters broker, IntakeQueue queue)
    {
        _meter = meters.Create(MeterName);
        _meter.CreateObservableCounter("moci.messages.received", () => counters.Snapshot().MessagesReceived, "{message}", "MQTT messages and HTTP posts received on reading topics");
        _meter.CreateObservableCounter("moci.readings.stored", () => counters.Snapshot().ReadingsStored, "{reading}", "Readings newly stored");
        // A store that cannot classify its writes (InfluxDB) leaves duplicates and conflicts unknown: those two
        // counters are then not reported at all rather than reported as 0, and the writes are counted apart.
        _meter.CreateObservableCounter("moci.readings.duplicates", () => Known(counters.Snapshot(), s => s.DuplicatesIgnored), "{reading}", "Readings already stored with the same value (replays, QoS 1 repeats)");
        _meter.CreateObservableCounter("moci.readings.conflicts", () => Known(counters.Snapshot(), s => s.Conflicts), "{reading}", "Readings with another value for an already stored station, metric and time (kept as dead letters)");
        _meter.CreateObservableCounter("moci.readings.unclassified", () => counters.Snapshot().ReadingsUnclassified, "{reading}", "Readings written to a store that cannot tell new readings from duplicates (InfluxDB overwrites)");
        _meter.CreateObservableCounter(
            "moci.rejected",
            () => counters.Snapshot().Rejected.Select(r => new Measurement<long>(r.Value, new KeyValuePair<string, object?>("reason", r.Key))),
            "{record}",
            "Messages or records the intake refused, by reason");
        _meter.CreateObservableCounter("moci.dead_letters", () => counters.Snapshot().DeadLetters, "{letter}", "Messages or records kept as dead letters with a reason");
        _meter.CreateObservableCounter("moci.acks.published", () => counters.Snapshot().AcksPublished, "{message}", "Acknowledgements published to stations");
        _meter.CreateObservableCounter("moci.broker.queue.drops", () => counters.Snapshot().BrokerQueueDrops, "{message}", "Messages the embedded broker dropped from a full client queue");
        _meter.CreateObservableCounter(
            "moci.connections.refused",
            () => Enum.GetValues<Refusal>().Select(r => new Measurement<long>(broker.Count(r), new KeyValuePair<string, object?>("reason", BrokerCounters.NameOf(r)))),
            "{refusal}",
            "Connections, publishes and subscriptions the broker refused, by reason");
        _meter.CreateObservableGauge("moci.broker.connections", () => broker.OpenConnections, "{connection}", "TCP connections open at the embedded broker");
        _meter.CreateObservableGauge("moci.queue.depth", () => queue.Depth, "{message}", "Received messages waiting for the batch writer");
        _commitDuration = _meter.CreateHistogram<double>("moci.commit.duration", "s", "Time to commit one batch of readings and dead letters durably");
    }

    /// <summary>Records how long one durable commit took.</summary>
    public void CommitTook(TimeSpan duration) => _commitDuration.Record(duration.TotalSeconds);

    private static IEnumerable<Measurement<long>> Known(IngestCountersSnapshot snapshot, Func<IngestCountersSnapshot, long> count) =>
        snapshot.ReadingsUnclassified > 0 ? [] : [new Measurement<long>(count(snapshot))];

    public void Dispose() => _meter.Dispose();
}
