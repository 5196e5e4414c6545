using Microsoft.Extensions.Options;
using Moci.Kit.Health;
using Moci.Kit.Options;
using Moci.Kit.Publishing;
using Moci.Telemetry.Readings;

namespace Moci.Kit.Simulation;

/// <summary>
/// Plays the configured stations: sends their recent history at start (so charts are full at once), then
/// one sample per station every <see cref="SimulationOptions.Interval"/>, each through its own
/// <see cref="StationPublisher"/> and its outbox on disk, as a real station does: what the hub has not
/// acknowledged when the process stops is sent after the next start. Sample times sit on a fixed grid, so a
/// restart resends identical readings, which the hub stores once. Each station also publishes its health report
/// (<see cref="SimulatedHealth"/>) as a real station does: when it connects, and every
/// <see cref="SimulationOptions.HealthInterval"/>.
/// </summary>
public sealed class SimulatedStationsWorker(
    IOptions<SimulationOptions> simulation,
    IOptions<PublisherOptions> publisher,
    IOptions<OutboxOptions> outbox,
    TimeProvider time,
    ILoggerFactory loggers) : BackgroundService
{
    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        var options = simulation.Value;
        if (!options.Enabled || options.Stations.Count == 0)
        {
            return;
        }

        var logger = loggers.CreateLogger<SimulatedStationsWorker>();
        StationLog.SimulationStarted(logger, options.Stations.Count, options.Seed, options.Interval, options.Backfill);
        var simulator = new StationSimulator(options.Seed);
        var stations = options.Stations
            .Select(s =>
            {
                var stationPublisher = new StationPublisher(s.Id, s.Secret, publisher.Value, outbox.Value, time, loggers.CreateLogger<StationPublisher>());
                return (Station: s, Publisher: stationPublisher, Health: new SimulatedHealth(s, stationPublisher.Outbox, time));
            })
            .ToList();

        var running = stations.Select(s => s.Publisher.RunAsync(stoppingToken)).ToList();
        try
        {
            var now = time.GetUtcNow();
            foreach (var (station, stationPublisher, _) in stations)
            {
                Backfill(simulator, station, stationPublisher, now, options);
            }

            // The first live sample before the first health report, so that the report counts it.
            Sample(simulator, stations, Floor(now, options.Interval));
            running.AddRange(stations.Select(s =>
                HealthSender.RunAsync(s.Publisher, s.Health.Report, options.HealthInterval, time, logger, stoppingToken)));

            using var timer = new PeriodicTimer(options.Interval, time);
            while (await timer.WaitForNextTickAsync(stoppingToken))
            {
                Sample(simulator, stations, Floor(time.GetUtcNow(), options.Interval));
            }
        }
        catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
        {
        }
        finally
        {
            await Task.WhenAll(running);
            foreach (var (_, stationPublisher, _) in stations)
            {
                stationPublisher.Dispose();
            }
        }
    }

    /// <summary>One sample of every station at <paramref name="at"/> into its outbox.</summary>
    private static void Sample(StationSimulator simulator, List<(SimulatedStation Station, StationPublisher Publisher, SimulatedHealth Health)> stations, DateTimeOffset at)
    {
        foreach (var (station, stationPublisher, health) in stations)
        {
            stationPublisher.Enqueue(simulator.Sample(station.Id, station.Kind, at));
            health.Sampled(at);
        }
    }

    /// <summary>Puts the history into the outbox in one go (one transaction); the publisher sends it oldest first.</summary>
    private static void Backfill(StationSimulator simulator, SimulatedStation station, StationPublisher publisher, DateTimeOffset now, SimulationOptions options)
    {
        if (options.Backfill <= TimeSpan.Zero)
        {
            return;
        }

        var history = new List<Reading>();
        var end = Floor(now, options.Interval);
        for (var at = Floor(now - options.Backfill, options.BackfillStep); at < end; at += options.BackfillStep)
        {
            history.AddRange(simulator.Sample(station.Id, station.Kind, at));
        }

        publisher.Enqueue(history);
    }

    private static DateTimeOffset Floor(DateTimeOffset instant, TimeSpan step) =>
        new(instant.UtcTicks - instant.UtcTicks % step.Ticks, TimeSpan.Zero);
}
