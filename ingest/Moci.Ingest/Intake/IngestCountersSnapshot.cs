namespace Moci.Ingest.Intake;

/// <summary>The intake's totals at one moment.</summary>
public sealed record IngestCountersSnapshot(
    long MessagesReceived,
    long ReadingsStored,
    long DuplicatesIgnored,
    long DeadLetters,
    long BatchesCommitted,
    long AcksPublished,
    long BrokerQueueDrops);
