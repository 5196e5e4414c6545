namespace Moci.Ingest.Intake;

/// <summary>The intake's totals at one moment.</summary>
/// <param name="MessagesReceived">Readings messages taken from the broker.</param>
/// <param name="ReadingsStored">Readings newly stored.</param>
/// <param name="DuplicatesIgnored">Readings already stored with the same value and flags (a redelivery).</param>
/// <param name="Conflicts">
/// Readings whose (station, metric, time) was already stored with another value or flags: the first is kept,
/// the newcomer is dead-lettered.
/// </param>
/// <param name="DeadLetters">Dead letters stored: every rejection below and every conflict.</param>
/// <param name="BatchesCommitted">Transactions committed by the batch writer.</param>
/// <param name="AcksPublished">Acknowledgements published to stations.</param>
/// <param name="BrokerQueueDrops">Messages the embedded broker dropped from a full client queue.</param>
/// <param name="Rejected">
/// Dead-lettered messages and records by the check they failed, every kind present, keyed by its
/// snake_case name (for example <c>too_old</c>, <c>invalid_pack</c>).
/// </param>
public sealed record IngestCountersSnapshot(
    long MessagesReceived,
    long ReadingsStored,
    long DuplicatesIgnored,
    long Conflicts,
    long DeadLetters,
    long BatchesCommitted,
    long AcksPublished,
    long BrokerQueueDrops,
    IReadOnlyDictionary<string, long> Rejected)
{
    /// <summary>
    /// Readings written to a store that cannot tell new readings from duplicates or conflicts (InfluxDB); while it
    /// is above 0, <see cref="ReadingsStored"/>, <see cref="DuplicatesIgnored"/> and <see cref="Conflicts"/> say nothing
    /// about those readings.
    /// </summary>
    public long ReadingsUnclassified { get; init; }
}
