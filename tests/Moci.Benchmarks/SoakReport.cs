using System.Globalization;

namespace Moci.Benchmarks;

/// <summary>The soak's figures per minute and overall, from the load processes' results and the hub's samples.</summary>
internal static class SoakReport
{
    /// <summary>A minute whose achieved rate is below this share of the target counts as the publishing side falling behind.</summary>
    public const double BehindShare = 0.99;

    /// <summary>A hand-over of a batch to its station this late against the timetable means the load processes lacked CPU.</summary>
    public const double LateHandOverSeconds = 1;

    /// <summary>
    /// Prints the table per minute (the scheduled minutes, then any minute of the drain in which batches were still
    /// first published) and the overall figures; returns the overall lag percentiles (ms) and the first and last
    /// scheduled minute's mean RSS (MiB).
    /// </summary>
    public static (double P50, double P99, double RssFirst, double RssLast) Print(
        IReadOnlyList<SoakLoadResult> loads, IReadOnlyList<SoakHubSample> samples, SoakSchedule schedule, double seconds)
    {
        var scheduled = (int)Math.Ceiling(seconds / 60);
        var stations = loads.SelectMany(l => l.Stations).ToList();
        var lastPublished = stations.SelectMany(s => s.FirstPublished).DefaultIfEmpty(0).Max();
        var minutes = Math.Max(scheduled, (int)(lastPublished / 60) + 1);
        var published = new long[minutes];
        var lags = Enumerable.Range(0, minutes).Select(_ => new List<float>()).ToArray();
        var fromDue = Enumerable.Range(0, minutes).Select(_ => new List<float>()).ToArray();
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
                    continue;
                }

                lags[minute].Add(station.LagMilliseconds[i]);
                var due = schedule.DueSeconds((i * (long)schedule.Stations) + station.Index);
                fromDue[minute].Add((float)(((station.FirstPublished[i] - due) * 1000) + station.LagMilliseconds[i]));
            }
        }

        Console.WriteLine();
        Console.WriteLine("Per minute. A batch counts in the minute it was first published. Lag: first publication → the hub's ack at the");
        Console.WriteLine("station (the hub acks a batch only after its commit). From due: the timetable's time for the batch → that ack, which");
        Console.WriteLine("adds any wait for a slot in the station's window. Waiting: batches due and held back by a full window at the minute's");
        Console.WriteLine("end. Hand-over: the latest a batch reached its station against the timetable (the load processes' own delay).");
        Console.WriteLine("RSS, CPU (% of one core; the machine has 2) and load average: means of the 10 s samples in the minute.");
        Console.WriteLine();
        Console.WriteLine("| minute | batches/s | readings/s | lag p50 | lag p99 | lag max | from due p50 | from due p99 | not acked | waiting | hand-over max | hub RSS | hub CPU | load CPU | load avg |");
        Console.WriteLine("|---|---|---|---|---|---|---|---|---|---|---|---|---|---|---|");
        var slowMinutes = new List<int>();
        var rss = new double[minutes];
        for (var m = 0; m < minutes; m++)
        {
            var length = m < scheduled ? Math.Min(60, seconds - (m * 60)) : 60;
            var rate = published[m] / length;
            if (m < scheduled && rate < BehindShare * schedule.MessagesPerSecond)
            {
                slowMinutes.Add(m + 1);
            }

            var inMinute = samples.Where(s => s.Seconds > m * 60 && s.Seconds <= (m * 60) + length + 1).ToList();
            rss[m] = Mean(inMinute, s => s.RssMiB);
            var sorted = lags[m].Order().ToArray();
            var sortedDue = fromDue[m].Order().ToArray();
            var slip = m < scheduled ? string.Create(CultureInfo.InvariantCulture, $"{loads.Max(l => l.SlipMaxSeconds[m]) * 1000:F0} ms") : "–";
            Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
                $"| {(m < scheduled ? (m + 1).ToString(CultureInfo.InvariantCulture) : $"{m + 1} (drain)")} | {rate:N0} | {rate * SoakStation.ReadingsPerBatch:N0} | {Ms(Percentile(sorted, 0.50))} | {Ms(Percentile(sorted, 0.99))} | {Ms(Max(sorted))} | {Ms(Percentile(sortedDue, 0.50))} | {Ms(Percentile(sortedDue, 0.99))} | {unacknowledged[m]} | {(inMinute.Count > 0 ? inMinute[^1].Waiting : 0):N0} | {slip} | {rss[m]:F0} MiB | {Mean(inMinute, s => s.HubCpuPercent):F0} % | {Mean(inMinute, s => s.LoadCpuPercent):F0} % | {Mean(inMinute, s => s.LoadAverage):F1} |"));
        }

        var all = lags.SelectMany(l => l).Order().ToArray();
        var allDue = fromDue.SelectMany(l => l).Order().ToArray();
        var planned = (long)Math.Floor(schedule.MessagesPerSecond * seconds);
        var onTime = stations.Sum(s => s.FirstPublished.LongCount(t => t <= seconds));
        Console.WriteLine();
        Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
            $"overall: {published.Sum():N0} of {planned:N0} scheduled batches published, {onTime:N0} of them within the scheduled {seconds:N0} s ({onTime / seconds:N0}/s, target {schedule.MessagesPerSecond:N0}/s); {all.Length:N0} acknowledged; {stations.Sum(s => s.NeverPublished):N0} still held back by full windows at the end, dropped unpublished"));
        Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
            $"lag publish → ack: p50 {Ms(Percentile(all, 0.50))}, p99 {Ms(Percentile(all, 0.99))}, max {Ms(Max(all))}; from due → ack: p50 {Ms(Percentile(allDue, 0.50))}, p99 {Ms(Percentile(allDue, 0.99))}, max {Ms(Max(allDue))}"));
        Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
            $"resent {stations.Sum(s => s.Resent)}, publications without PUBACK {stations.Sum(s => s.PublishFailures)}, connections dropped {stations.Sum(s => s.Disconnects)}"));
        if (slowMinutes.Count > 0)
        {
            var lateHandOver = loads.Any(l => l.SlipMaxSeconds.Any(s => s > LateHandOverSeconds));
            var windowFull = samples.Any(s => s.Waiting > 0);
            Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
                $"THE TARGET RATE WAS NOT KEPT: fewer than {BehindShare:P0} of {schedule.MessagesPerSecond:N0} batches/s were published in minute(s) {string.Join(", ", slowMinutes)} (column batches/s)."));
            if (windowFull)
            {
                Console.WriteLine("  The hub did not acknowledge fast enough: stations' windows of unacknowledged batches were full and due batches waited (column waiting).");
            }

            if (lateHandOver)
            {
                Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
                    $"  The load processes handed batches to their stations more than {LateHandOverSeconds} s late (column hand-over): the machine lacked CPU for the publishing side."));
            }
        }

        return (Percentile(all, 0.50), Percentile(all, 0.99), rss[0], rss[scheduled - 1]);
    }

    /// <summary>Nearest-rank percentile of sorted values; NaN when there are none.</summary>
    private static double Percentile(float[] sorted, double share) =>
        sorted.Length == 0 ? double.NaN : sorted[Math.Clamp((int)Math.Ceiling(share * sorted.Length) - 1, 0, sorted.Length - 1)];

    private static double Max(float[] sorted) => sorted.Length == 0 ? double.NaN : sorted[^1];

    private static string Ms(double milliseconds) =>
        milliseconds >= 100 || double.IsNaN(milliseconds)
            ? string.Create(CultureInfo.InvariantCulture, $"{milliseconds:N0} ms")
            : string.Create(CultureInfo.InvariantCulture, $"{milliseconds:F1} ms");

    private static double Mean(List<SoakHubSample> samples, Func<SoakHubSample, double> value) =>
        samples.Count == 0 ? double.NaN : samples.Average(value);
}
