using Microsoft.Extensions.Options;
using Moci.Bridge.Clock;
using Moci.Bridge.Configuration;
using Moci.Bridge.Sensors;
using Moci.Bridge.Sensors.Gps;
using Moci.Kit.Publishing;

namespace Moci.Bridge.Sampling;

/// <summary>
/// The station at work (<c>moci-bridge run</c>): opens every enabled sensor, samples each on its own loop into the
/// publisher's outbox, and runs the publisher. A sensor that cannot be opened is reported missing and tried again
/// every minute; the others go on.
/// </summary>
internal sealed partial class StationWorker(
    StationPublisher publisher,
    IOptions<SensorListOptions> sensors,
    IOptions<SamplingOptions> sampling,
    SensorDrivers drivers,
    IClockSource clock,
    GpsClock gpsClock,
    SensorBoard board,
    TimeProvider time,
    ILogger<StationWorker> logger) : BackgroundService
{
    private static readonly TimeSpan Reopen = TimeSpan.FromMinutes(1);

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        // Listed before any loop runs: the health report sent as soon as the station connects names every sensor.
        foreach (var sensor in sensors.Value.Enabled)
        {
            board.Configured(sensor.DisplayName, sensor.Type);
        }

        var loops = sensors.Value.Enabled.Select(s => SampleAsync(s, stoppingToken)).ToList();
        loops.Add(publisher.RunAsync(stoppingToken));
        await Task.WhenAll(loops);
    }

    private async Task SampleAsync(SensorOptions options, CancellationToken stoppingToken)
    {
        var defaults = sampling.Value;
        while (!stoppingToken.IsCancellationRequested)
        {
            ISensor sensor;
            try
            {
                sensor = drivers.Open(options);
            }
            catch (SensorException ex)
            {
                board.Failed(options.DisplayName, options.Type, SensorState.Missing, ex.Message, time.GetUtcNow());
                LogSensorMissing(logger, options.DisplayName, ex.Message);
                try
                {
                    await Task.Delay(Reopen, time, stoppingToken);
                }
                catch (OperationCanceledException)
                {
                    return;
                }

                continue;
            }

            using (sensor)
            {
                var sampler = new SensorSampler(
                    publisher.StationId, sensor, options.Type, options.Interval ?? defaults.Interval, options.Averaging ?? defaults.Averaging,
                    clock, time, board, readings => publisher.Enqueue(readings));
                if (sensor is GpsSensor gps)
                {
                    // The receiver's time vouches for the clock where there is no NTP (GpsClock decides how far).
                    sampler.AfterRead = () =>
                    {
                        if (gps.LastFix is { } fix)
                        {
                            gpsClock.Report(fix.UtcTime, fix.ReceivedAt);
                        }
                    };
                }

                await sampler.RunAsync(stoppingToken);
            }
        }
    }

    [LoggerMessage(Level = LogLevel.Warning, Message = "Sensor {Sensor} is missing: {Reason}")]
    private static partial void LogSensorMissing(ILogger logger, string sensor, string reason);
}
