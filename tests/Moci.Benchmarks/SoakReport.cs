using System.Globalization;

namespace Moci.Benchmarks;

/// <summary>The soak's figures per minute and overall, from the load processes' results and the hub's samples.</summary>
internal static class SoakReport
{
    /// <summary>A minute whose achieved rate is below this share of the target counts as the publishing side falling behind.</summary>
    public const double BehindShare = 0.99;

    /// <summary>Prints the table per minute and returns the overall lag percentiles (ms) and the first and last minute's mean RSS (MiB).</summary>
    public static (double P50, double P99, double Max, double RssFirst, double RssLast, bool Behind) Print(
        IReadOnlyList<SoakLoadResult> loads, IReadOnlyList<SoakHubSample> samples, double messagesPerSecond, double seconds)
    {
        var minutes = (int)Math.Ceiling(seconds / 60);
        var stations = loads.SelectMany(l => l.Stations).ToList();
        var published = new long[minutes];
        var lags = Enumerable.Range(0, minutes).Select(_ => new List<float>()).ToArray();
        var unacknowledged = new long[minutes];
        foreach (var station in stations)
        {
            for (var i = 0; i < station.FirstPublished.Length; i++)
            {
                var minute = Math.Clamp((int)(station.FirstPublished[i] / 60), 0, minutes - 1);
                published[minute]++;
                if (float.IsNaN(station.LagMilliseconds[i]))
                {
                    unacknowledged[minute]++;
                }
                else
                {
                    lags[minute].Add(station.LagMilliseconds[i]);
                }
            }
        }

        Console.WriteLine();
        Console.WriteLine("Per minute (a batch counts in the minute it was first published; lag = first publish → the hub's ack at the station,");
        Console.WriteLine("which the hub sends only after the batch's commit; RSS, CPU and load average are means of the 10 s samples):");
        Console.WriteLine();
        Console.WriteLine("| minute | batches/s | readings/s | lag p50 | lag p99 | lag max | not acked | late hand-over max | hub RSS | hub CPU | load CPU | load avg |");
        Console.WriteLine("|---|---|---|---|---|---|---|---|---|---|---|---|");
        var behind = false;
        var slipMax = Enumerable.Range(0, minutes).Select(m => loads.Max(l => m < l.SlipMaxSeconds.Length ? l.SlipMaxSeconds[m] : 0)).ToArray();
        var rss = new double[minutes];
        for (var m = 0; m < minutes; m++)
        {
            // The last minute may be partial.
            var length = Math.Min(60, seconds - (m * 60));
            var rate = published[m] / length;
            behind |= rate < BehindShare * messagesPerSecond;
            var inMinute = samples.Where(s => s.Seconds > m * 60 && s.Seconds <= (m * 60) + length + 1).ToList();
            rss[m] = inMinute.Count > 0 ? inMinute.Average(s => s.RssMiB) : double.NaN;
            var sorted = lags[m].Order().ToArray();
            Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
                $"| {m + 1} | {rate:N0} | {rate * SoakStation.ReadingsPerBatch:N0} | {Percentile(sorted, 0.50):F1} ms | {Percentile(sorted, 0.99):F1} ms | {(sorted.Length > 0 ? sorted[^1] : double.NaN):F0} ms | {unacknowledged[m]} | {slipMax[m] * 1000:F0} ms | {rss[m]:F0} MiB | {Mean(inMinute, s => s.HubCpuPercent):F0} % | {Mean(inMinute, s => s.LoadCpuPercent):F0} % | {Mean(inMinute, s => s.LoadAverage):F2} |"));
        }

        var all = lags.SelectMany(l => l).Order().ToArray();
        Console.WriteLine();
        Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
            $"overall: {published.Sum():N0} batches published ({published.Sum() / seconds:N0}/s, target {messagesPerSecond:N0}/s), {all.Length:N0} acknowledged; lag p50 {Percentile(all, 0.50):F1} ms, p99 {Percentile(all, 0.99):F1} ms, max {(all.Length > 0 ? all[^1] : double.NaN):F0} ms"));
        Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
            $"resent {stations.Sum(s => s.Resent)}, publications without PUBACK {stations.Sum(s => s.PublishFailures)}, connections dropped {stations.Sum(s => s.Disconnects)}"));
        if (behind)
        {
            Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
                $"THE PUBLISHING SIDE FELL BEHIND: in at least one minute fewer than {BehindShare:P0} of the target {messagesPerSecond:N0} batches/s were published (column batches/s); the figures are for the rate achieved, not the target"));
        }

        return (Percentile(all, 0.50), Percentile(all, 0.99), all.Length > 0 ? all[^1] : double.NaN, rss[0], rss[^1], behind);
    }

    /// <summary>Nearest-rank percentile of sorted values; NaN when there are none.</summary>
    private static double Percentile(float[] sorted, double share) =>
        sorted.Length == 0 ? double.NaN : sorted[Math.Clamp((int)Math.Ceiling(share * sorted.Length) - 1, 0, sorted.Length - 1)];

    private static double Mean(List<SoakHubSample> samples, Func<SoakHubSample, double> value) =>
        samples.Count == 0 ? double.NaN : samples.Average(value);
}
