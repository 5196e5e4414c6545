using Microsoft.Extensions.Logging.Abstractions;
using Moci.Kit.Options;
using Moci.Kit.Publishing;
using Moci.Telemetry.Readings;

// dotnet Moci.Kit.Probe.dll STATION PORT DATA_DIR FIRST_MINUTE COUNT
// Takes COUNT one-minute samples of two metrics from FIRST_MINUTE on (times from a fixed start, so that runs can
// be compared), prints "taken N" once sample N is in the outbox on disk, and publishes to the broker on PORT. After
// the last sample it prints "done" and keeps publishing until killed. The crash tests kill it with SIGKILL.
var station = args[0];
var port = int.Parse(args[1], System.Globalization.CultureInfo.InvariantCulture);
var first = int.Parse(args[3], System.Globalization.CultureInfo.InvariantCulture);
var count = int.Parse(args[4], System.Globalization.CultureInfo.InvariantCulture);
var start = new DateTimeOffset(2026, 11, 1, 0, 0, 0, TimeSpan.Zero);

var publisher = new StationPublisher(
    station,
    "probe-secret",
    new PublisherOptions { Port = port, AckTimeout = TimeSpan.FromSeconds(5), MaxReconnectDelay = TimeSpan.FromMilliseconds(500), MaxBatchReadings = 50 },
    new OutboxOptions { Directory = args[2] },
    TimeProvider.System,
    NullLogger.Instance);
var running = publisher.RunAsync(CancellationToken.None);

var output = Console.Out;
for (var minute = first; minute < first + count; minute++)
{
    var at = start.AddMinutes(minute);
    publisher.Enqueue([new Reading(station, "pm2_5", at, minute), new Reading(station, "temperature", at, minute / 100.0)]);
    output.WriteLine($"taken {minute}");
    output.Flush();
}

output.WriteLine("done");
output.Flush();
await running;
