using System.Diagnostics;
using System.Globalization;
using System.Net;
using System.Net.Sockets;

namespace Moci.Benchmarks;

/// <summary>
/// A process that opens idle TCP connections (no MQTT CONNECT) against a broker from many loopback addresses
/// (64 per address) and holds them until its standard input closes: a flood no single process could open under
/// the open-file limit.
/// </summary>
internal static class FloodWorker
{
    public const string Mode = "flood-worker";

    /// <summary>Starts a worker (this benchmark program in <see cref="Mode"/>).</summary>
    public static Process Start(int port, int first, int count)
    {
        var start = new ProcessStartInfo("dotnet", [typeof(FloodWorker).Assembly.Location, Mode, Text(port), Text(first), Text(count)])
        {
            RedirectStandardInput = true,
            RedirectStandardOutput = true,
            UseShellExecute = false,
        };
        return Process.Start(start)!;

        static string Text(int n) => n.ToString(CultureInfo.InvariantCulture);
    }

    /// <summary>Waits for the worker's report; returns how many connections the broker reset at once.</summary>
    public static async Task<int> WaitUntilOpenedAsync(Process worker)
    {
        var line = await worker.StandardOutput.ReadLineAsync().WaitAsync(TimeSpan.FromMinutes(5))
            ?? throw new InvalidOperationException("a flood worker ended without reporting");
        return int.Parse(line.Split(' ')[1], CultureInfo.InvariantCulture);
    }

    public static void Stop(Process worker)
    {
        worker.StandardInput.Close();
        if (!worker.WaitForExit(10_000))
        {
            worker.Kill();
        }
    }

    /// <summary>The worker's body: open, report "opened {reset}", hold until stdin closes.</summary>
    public static async Task RunAsync(int port, int first, int count)
    {
        var sockets = new List<Socket>(count);
        var reset = 0;
        for (var i = first; i < first + count; i++)
        {
            var socket = new Socket(AddressFamily.InterNetwork, SocketType.Stream, ProtocolType.Tcp);
            socket.Bind(new IPEndPoint(new IPAddress([127, 1, (byte)(i / 64 / 250), (byte)(1 + i / 64 % 250)]), 0));
            try
            {
                await socket.ConnectAsync(IPAddress.Loopback, port);
            }
            catch (SocketException)
            {
                reset++;
            }

            sockets.Add(socket);
        }

        Console.WriteLine($"opened {reset}");
        await Console.In.ReadToEndAsync();
        sockets.ForEach(s => s.Dispose());
    }
}
