using System.Diagnostics;
using System.Globalization;
using Moci.Kit.Options;

namespace Moci.Benchmarks;

/// <summary>
/// A load process of the soak (this program in <see cref="Mode"/>): a share of the stations, each its own MQTT
/// connection, publishing on the <see cref="SoakSchedule"/>. It prints <c>connected N</c> once every station is
/// connected, waits for <c>go UNIX_MS</c> on standard input (the start shared by the load processes), prints a
/// <c>progress …</c> line every 10 s, and after the run and the drain writes its <see cref="SoakLoadResult"/> to a
/// file and prints <c>done</c>. The hub runs in another process, so the load's memory and CPU are not the hub's.
/// </summary>
internal static class SoakLoad
{
    public const string Mode = "soak-load";

    /// <summary>Batches a station has in flight at most: the kit's default.</summary>
    public static readonly int Window = new PublisherOptions().MaxBatchesInFlight;

    /// <summary>How long a batch waits for its ack before it is sent again: the kit's default.</summary>
    public static readonly TimeSpan AckTimeout = new PublisherOptions().AckTimeout;

    /// <summary>Starts a load process for stations <c>[first, first + count)</c> of the run.</summary>
    public static Process Start(int port, string stationsFile, int first, int count, int stations, double messagesPerSecond, double seconds, string resultFile)
    {
        var start = new ProcessStartInfo("dotnet", [
            typeof(SoakLoad).Assembly.Location, Mode, Text(port), stationsFile, Text(first), Text(count), Text(stations),
            messagesPerSecond.ToString(CultureInfo.InvariantCulture), seconds.ToString(CultureInfo.InvariantCulture), resultFile])
        {
            RedirectStandardInput = true,
            RedirectStandardOutput = true,
            UseShellExecute = false,
        };
        return Process.Start(start)!;

        static string Text(int n) => n.ToString(CultureInfo.InvariantCulture);
    }

    /// <summary>The load process's body; <paramref name="args"/> as <see cref="Start"/> passes them.</summary>
    public static async Task MainAsync(string[] args)
    {
        var port = int.Parse(args[1], CultureInfo.InvariantCulture);
        var first = int.Parse(args[3], CultureInfo.InvariantCulture);
        var count = int.Parse(args[4], CultureInfo.InvariantCulture);
        var stations = int.Parse(args[5], CultureInfo.InvariantCulture);
        var rate = double.Parse(args[6], CultureInfo.InvariantCulture);
        var seconds = double.Parse(args[7], CultureInfo.InvariantCulture);
        var credentials = File.ReadLines(args[2]).Skip(first).Take(count).Select(l => l.Split('\t')).ToList();

        var clients = credentials.Select((c, i) => new SoakStation(c[0], first + i, c[1], port, Window, AckTimeout)).ToList();
        await ConnectAllAsync(clients);
        Console.WriteLine($"connected {clients.Count}");

        var go = await Console.In.ReadLineAsync() ?? throw new InvalidOperationException("no start time on standard input");
        var schedule = new SoakSchedule(DateTimeOffset.FromUnixTimeMilliseconds(long.Parse(go.Split(' ')[1], CultureInfo.InvariantCulture)), stations, rate);
        clients.ForEach(c => c.Start(schedule));
        await schedule.WaitForStartAsync();

        using var stop = new CancellationTokenSource();
        var resending = ResendLoopAsync(clients, stop.Token);
        var minutes = (int)Math.Ceiling(seconds / 60);
        var slips = new SoakSlips(minutes);
        var reporting = ReportLoopAsync(clients, schedule, slips, stop.Token);

        var total = (long)Math.Floor(rate * seconds);
        using (var timer = new PeriodicTimer(TimeSpan.FromMilliseconds(2)))
        {
            // Message m of the run belongs to station m % stations; this process walks its own in order.
            for (long batch = 0, i = 0, message = first; message < total;)
            {
                var now = schedule.Now();
                while (message < total && schedule.DueSeconds(message) <= now)
                {
                    clients[(int)i].Due(batch);
                    slips.Add(schedule.DueSeconds(message), now - schedule.DueSeconds(message));
                    if (++i == count)
                    {
                        (i, batch) = (0, batch + 1);
                    }

                    message = (batch * stations) + first + i;
                }

                await timer.WaitForNextTickAsync();
            }
        }

        var neverPublished = clients.Sum(c => c.EndSchedule());
        Console.WriteLine($"unpublished {neverPublished}");

        // Drain: every batch acknowledged, or give up after two ack time-outs and a margin (then it shows as unacknowledged).
        var drainUntil = schedule.Now() + (2 * AckTimeout.TotalSeconds) + 30;
        while (clients.Any(c => c.InFlight > 0) && schedule.Now() < drainUntil)
        {
            await Task.Delay(200);
        }

        await stop.CancelAsync();
        await resending;
        await reporting;
        SoakLoadResult.Write(args[8], clients, slips);
        Console.WriteLine("done");
        await Task.WhenAll(clients.Select(c => c.StopAsync()));
    }

    private static async Task ConnectAllAsync(List<SoakStation> clients)
    {
        // The broker checks each secret with a deliberate PBKDF2 run: a few connections at a time.
        using var gate = new SemaphoreSlim(16);
        await Task.WhenAll(clients.Select(async client =>
        {
            await gate.WaitAsync();
            try
            {
                for (var attempt = 1; ; attempt++)
                {
                    try
                    {
                        await client.ConnectAsync();
                        return;
                    }
                    catch (Exception ex) when (attempt < 5 && ex is MQTTnet.Exceptions.MqttCommunicationException or OperationCanceledException)
                    {
                        await Task.Delay(1_000 * attempt);
                    }
                }
            }
            finally
            {
                gate.Release();
            }
        }));
    }

    private static async Task ResendLoopAsync(List<SoakStation> clients, CancellationToken stop)
    {
        using var timer = new PeriodicTimer(TimeSpan.FromSeconds(1));
        try
        {
            while (await timer.WaitForNextTickAsync(stop))
            {
                clients.ForEach(c => c.ResendOverdue());
            }
        }
        catch (OperationCanceledException)
        {
            // The run is over.
        }
    }

    private static async Task ReportLoopAsync(List<SoakStation> clients, SoakSchedule schedule, SoakSlips slips, CancellationToken stop)
    {
        using var timer = new PeriodicTimer(TimeSpan.FromSeconds(10));
        try
        {
            while (await timer.WaitForNextTickAsync(stop))
            {
                var line = FormattableString.Invariant(
                    $"progress {schedule.Now():F1} {clients.Sum(c => c.Published)} {clients.Sum(c => c.Acknowledged)} {clients.Sum(c => c.InFlight)} {clients.Sum(c => c.Waiting)} {clients.Sum(c => c.Resent)} {clients.Sum(c => c.PublishFailures)} {clients.Sum(c => c.Disconnects)} {slips.TakeRecentMaxMilliseconds():F0}");
                Console.WriteLine(line);
            }
        }
        catch (OperationCanceledException)
        {
            // The run is over.
        }
    }
}
