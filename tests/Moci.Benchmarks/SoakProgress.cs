namespace Moci.Benchmarks;

/// <summary>A load process's totals at one moment (its <c>progress</c> line).</summary>
/// <param name="Seconds">Seconds since the start.</param>
/// <param name="Published">Batches published at least once.</param>
/// <param name="Acknowledged">Batches the hub acknowledged.</param>
/// <param name="InFlight">Batches published and not yet acknowledged.</param>
/// <param name="Waiting">Batches due and not yet published (a station's window was full, or it was reconnecting).</param>
/// <param name="Resent">Publications of a batch after its first.</param>
/// <param name="PublishFailures">Publications without a successful PUBACK.</param>
/// <param name="Disconnects">Connections dropped.</param>
/// <param name="SlipMaxMilliseconds">The latest hand-over of a batch against the timetable in the last 10 s, in ms.</param>
internal sealed record SoakProgress(double Seconds, long Published, long Acknowledged, long InFlight, long Waiting, long Resent, long PublishFailures, long Disconnects, double SlipMaxMilliseconds);
