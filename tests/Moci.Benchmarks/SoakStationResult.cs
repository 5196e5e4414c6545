namespace Moci.Benchmarks;

/// <summary>What one station of the soak did.</summary>
/// <param name="Id">The station.</param>
/// <param name="Index">Its place in the run's timetable (<see cref="SoakSchedule"/>).</param>
/// <param name="FirstPublished">Per batch (index = seq − 1): when it was first published, in seconds since the start.</param>
/// <param name="LagMilliseconds">Per batch: first publication to the hub's ack at the station, in ms; NaN when no ack came.</param>
/// <param name="Resent">Publications of a batch after its first (ack time-out or reconnect).</param>
/// <param name="PublishFailures">Publications the broker did not accept with a PUBACK.</param>
/// <param name="Disconnects">Times the connection dropped.</param>
/// <param name="NeverPublished">Batches due by the timetable but still held back by a full window when it ended, never published.</param>
internal sealed record SoakStationResult(string Id, int Index, float[] FirstPublished, float[] LagMilliseconds, int Resent, int PublishFailures, int Disconnects, int NeverPublished)
{
    /// <summary>Readings this station published at least once.</summary>
    public long ReadingsPublished => (long)FirstPublished.Length * SoakStation.ReadingsPerBatch;
}
