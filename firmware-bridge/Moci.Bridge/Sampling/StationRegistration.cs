using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Options;
using Moci.Bridge.Clock;
using Moci.Bridge.Configuration;
using Moci.Bridge.Health;
using Moci.Kit.Publishing;
using KitOutboxOptions = Moci.Kit.Options.OutboxOptions;
using PublisherOptions = Moci.Kit.Options.PublisherOptions;

namespace Moci.Bridge.Sampling;

/// <summary>Wiring of <c>moci-bridge run</c>: the clock, the publisher with its outbox, the sensors' samplers.</summary>
internal static class StationRegistration
{
    /// <summary>Adds the station's services; its options come from <see cref="OptionsRegistration.AddBridgeOptions"/>.</summary>
    public static IServiceCollection AddStation(this IServiceCollection services)
    {
        services.TryAddSingleton(TimeProvider.System);
        services.TryAddSingleton(_ => SensorDrivers.ForStation());
        services.AddSingleton<SensorBoard>();
        services.AddSingleton(sp => new GpsClock(sp.GetRequiredService<TimeProvider>()));
        services.AddSingleton(sp => new NtpClock(sp.GetRequiredService<IOptions<SamplingOptions>>().Value.TimesyncFile));
        services.AddSingleton<IClockSource, StationClock>();
        services.AddSingleton(sp => CreatePublisher(sp));
        services.AddHostedService<StationWorker>();
        services.AddSingleton(sp => new HealthReporter(
            sp.GetRequiredService<IOptions<StationOptions>>().Value.Id,
            sp.GetRequiredService<IOptions<OutboxOptions>>().Value.DataDir,
            OutboxFiguresOf(sp.GetRequiredService<StationPublisher>()),
            sp.GetRequiredService<SensorBoard>(),
            sp.GetRequiredService<IClockSource>(),
            SystemProbe.Real,
            sp.GetRequiredService<TimeProvider>()));
        services.AddHostedService<HealthWorker>();
        return services;
    }

    /// <summary>The publisher options of the <c>broker</c> section.</summary>
    public static PublisherOptions ToPublisherOptions(BrokerOptions broker)
    {
        if (!BrokerAddress.TryParse(broker.Uri, out var address, out var problem))
        {
            throw new OptionsValidationException(BrokerOptions.Section, typeof(BrokerOptions), [$"broker:uri: {problem}."]);
        }

        return new PublisherOptions
        {
            Host = address.Host,
            Port = address.Port,
            UseTls = address.UseTls,
            CaFile = string.IsNullOrWhiteSpace(broker.CaFile) ? null : broker.CaFile,
            AckTimeout = broker.AckTimeout,
            MaxReconnectDelay = broker.MaxReconnectDelay,
        };
    }

    /// <summary>The outbox's figures for the health report: readings waiting, the age of the oldest, readings dropped.</summary>
    private static Func<OutboxFigures> OutboxFiguresOf(StationPublisher publisher) => () =>
    {
        var statistics = publisher.Outbox.Statistics();
        return new OutboxFigures(statistics.Readings, statistics.OldestAge, statistics.Dropped);
    };

    /// <summary>The outbox settings of the Kit from the <c>outbox</c> section.</summary>
    public static KitOutboxOptions ToKitOutboxOptions(OutboxOptions outbox) =>
        new() { Directory = outbox.DataDir, QuotaBytes = outbox.QuotaMegabytes * 1_000_000L };

    private static StationPublisher CreatePublisher(IServiceProvider services)
    {
        var station = services.GetRequiredService<IOptions<StationOptions>>().Value;
        var files = services.GetRequiredService<FileView>();
        if (!StationSecret.TryRead(station, files, out var secret, out var problem))
        {
            throw new OptionsValidationException(StationOptions.Section, typeof(StationOptions), [$"station:secret: {problem}."]);
        }

        var publisher = ToPublisherOptions(services.GetRequiredService<IOptions<BrokerOptions>>().Value);
        var outbox = ToKitOutboxOptions(services.GetRequiredService<IOptions<OutboxOptions>>().Value);
        return new StationPublisher(
            station.Id, secret, publisher, outbox, services.GetRequiredService<TimeProvider>(), services.GetRequiredService<ILogger<StationPublisher>>());
    }
}
