using System.Diagnostics;
using System.Globalization;
using System.Text.Json;

namespace Moci.Benchmarks;

/// <summary>
/// Every 10 s: the hub's RSS (from <c>/proc/PID/status</c>) and CPU, the load processes' CPU, the machine's load
/// average and the hub's queue depth; prints a line with the load processes' progress beside it.
/// </summary>
internal sealed class SoakHubSampler(HubProcess hub, HttpClient api, IReadOnlyList<SoakLoadProcess> loads, SoakSchedule schedule)
{
    public static readonly TimeSpan Interval = TimeSpan.FromSeconds(10);

    private readonly List<SoakHubSample> _samples = [];

    public IReadOnlyList<SoakHubSample> Samples => _samples;

    /// <summary>CPU time the hub and the load processes used from the start until the last sample.</summary>
    public (TimeSpan Hub, TimeSpan Load) CpuUsed { get; private set; }

    public async Task RunAsync(CancellationToken stop)
    {
        using var hubProcess = Process.GetProcessById(hub.Id);
        var (hubCpu, loadCpu, at) = (hubProcess.TotalProcessorTime, LoadCpu(), schedule.Now());
        var (hubCpuAtStart, loadCpuAtStart) = (hubCpu, loadCpu);
        using var timer = new PeriodicTimer(Interval);
        try
        {
            while (await timer.WaitForNextTickAsync(stop))
            {
                hubProcess.Refresh();
                var (hubCpuNow, loadCpuNow, now) = (hubProcess.TotalProcessorTime, LoadCpu(), schedule.Now());
                var (queue, stored) = await HealthAsync();
                var progress = loads.Select(l => l.Progress).ToList();
                var sample = new SoakHubSample(
                    now,
                    hub.RssMiB(),
                    100 * (hubCpuNow - hubCpu).TotalSeconds / (now - at),
                    100 * (loadCpuNow - loadCpu).TotalSeconds / (now - at),
                    LoadAverage(),
                    queue,
                    stored,
                    progress.Sum(p => p.InFlight),
                    progress.Sum(p => p.Waiting));
                (hubCpu, loadCpu, at) = (hubCpuNow, loadCpuNow, now);
                CpuUsed = (hubCpu - hubCpuAtStart, loadCpu - loadCpuAtStart);
                _samples.Add(sample);
                Print(sample);
            }
        }
        catch (OperationCanceledException)
        {
            // The run is over.
        }
    }

    /// <summary>The one-minute load average, from <c>/proc/loadavg</c>.</summary>
    public static double LoadAverage() =>
        double.Parse(File.ReadAllText("/proc/loadavg").Split(' ')[0], CultureInfo.InvariantCulture);

    private TimeSpan LoadCpu() => loads.Aggregate(TimeSpan.Zero, (sum, l) => sum + l.CpuTime());

    private async Task<(int Queue, long Stored)> HealthAsync()
    {
        try
        {
            using var health = JsonDocument.Parse(await api.GetStringAsync("/api/v1/health"));
            return (health.RootElement.GetProperty("queueDepth").GetInt32(), health.RootElement.GetProperty("totals").GetProperty("readingsStored").GetInt64());
        }
        catch (Exception ex) when (ex is HttpRequestException or TaskCanceledException or JsonException or KeyNotFoundException)
        {
            return (-1, -1);
        }
    }

    private void Print(SoakHubSample sample)
    {
        var progress = loads.Select(l => l.Progress).ToList();
        Console.WriteLine(FormattableString.Invariant(
            $"t={sample.Seconds,4:F0} s  hub RSS {sample.RssMiB,4:F0} MiB  CPU {sample.HubCpuPercent,3:F0} %  load CPU {sample.LoadCpuPercent,3:F0} %  loadavg {sample.LoadAverage,5:F2}  queue {sample.QueueDepth,5}  ") +
            FormattableString.Invariant(
            $"published {progress.Sum(p => p.Published),9:N0}  acked {progress.Sum(p => p.Acknowledged),9:N0}  in flight {progress.Sum(p => p.InFlight),5}  waiting {progress.Sum(p => p.Waiting),5}  resent {progress.Sum(p => p.Resent)}  failed {progress.Sum(p => p.PublishFailures)}  dropped {progress.Sum(p => p.Disconnects)}  slip {progress.Select(p => p.SlipMaxMilliseconds).DefaultIfEmpty(0).Max():F0} ms"));
    }
}
