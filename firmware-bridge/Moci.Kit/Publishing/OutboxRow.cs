namespace Moci.Kit.Publishing;

/// <summary>One row of the outbox's readings table as stored: what a batch is encoded from, without a <see cref="Telemetry.Readings.Reading"/> per row.</summary>
/// <param name="Id">The row's id: readings are sent in id order.</param>
/// <param name="Metric">The metric's number in this outbox file.</param>
/// <param name="Milliseconds">The reading's time, Unix milliseconds (UTC).</param>
/// <param name="Value">The value in the metric's catalogue unit.</param>
/// <param name="Flags">The reading's QA flags.</param>
internal readonly record struct OutboxRow(long Id, long Metric, long Milliseconds, double Value, int Flags);
