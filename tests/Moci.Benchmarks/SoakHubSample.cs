namespace Moci.Benchmarks;

/// <summary>One 10-second look at the hub and the machine during the soak.</summary>
/// <param name="Seconds">Seconds since the start of the load.</param>
/// <param name="RssMiB">The hub's resident memory (VmRSS), MiB.</param>
/// <param name="HubCpuPercent">The hub's CPU over the last interval, percent of one core (200 = both cores of this machine).</param>
/// <param name="LoadCpuPercent">The load processes' CPU over the last interval, percent of one core.</param>
/// <param name="LoadAverage">The machine's one-minute load average (/proc/loadavg).</param>
/// <param name="QueueDepth">Messages waiting for the hub's batch writer (/api/v1/health); -1 when it did not answer.</param>
/// <param name="ReadingsStored">Readings the hub has stored since start (/api/v1/health); -1 when it did not answer.</param>
/// <param name="InFlight">Batches the stations have published and the hub not yet acknowledged (the load processes' latest progress).</param>
/// <param name="Waiting">Batches due at the stations and not yet published because their window of unacknowledged batches was full.</param>
internal sealed record SoakHubSample(double Seconds, double RssMiB, double HubCpuPercent, double LoadCpuPercent, double LoadAverage, int QueueDepth, long ReadingsStored, long InFlight, long Waiting);
