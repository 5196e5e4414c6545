using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Options;
using Moci.Kit.Options;
using Moci.Kit.Simulation;

namespace Moci.Kit;

/// <summary>Wiring of the bridge, shared by the station host and the hub's demo mode.</summary>
public static class Extensions
{
    /// <summary>
    /// Adds simulated stations that publish to the broker named in <paramref name="publisherSection"/>, each with
    /// its outbox on disk as <paramref name="outboxSection"/> says (by default the <c>Outbox</c> sub-section of
    /// <paramref name="simulationSection"/>). Settings are validated at start and a bad one stops the host with a
    /// message naming it.
    /// </summary>
    /// <param name="builder">The host builder.</param>
    /// <param name="simulationSection">Configuration section of <see cref="SimulationOptions"/>.</param>
    /// <param name="publisherSection">Configuration section of <see cref="PublisherOptions"/> (host, port).</param>
    /// <param name="configure">Further set-up after binding, e.g. to take the station list from elsewhere.</param>
    /// <param name="outboxSection">Configuration section of <see cref="OutboxOptions"/>; null for <c>{simulationSection}:Outbox</c>.</param>
    public static IHostApplicationBuilder AddSimulatedStations(
        this IHostApplicationBuilder builder,
        string simulationSection = "Simulation",
        string publisherSection = "Broker",
        Action<SimulationOptions>? configure = null,
        string? outboxSection = null)
    {
        var services = builder.Services;
        services.TryAddSingleton(TimeProvider.System);
        var simulation = services.AddOptions<SimulationOptions>().BindConfiguration(simulationSection);
        if (configure is not null)
        {
            simulation.PostConfigure(configure);
        }

        simulation.ValidateOnStart();
        services.AddSingleton<IValidateOptions<SimulationOptions>>(new SimulationOptionsValidator(simulationSection));
        services.AddOptions<PublisherOptions>().BindConfiguration(publisherSection).ValidateOnStart();
        services.AddSingleton<IValidateOptions<PublisherOptions>>(new PublisherOptionsValidator(publisherSection));
        outboxSection ??= simulationSection + ":Outbox";
        services.AddOptions<OutboxOptions>().BindConfiguration(outboxSection).ValidateOnStart();
        services.AddSingleton<IValidateOptions<OutboxOptions>>(new OutboxOptionsValidator(outboxSection));

        services.AddSingleton<SimulatedStationsWorker>();
        services.AddHostedService(sp => sp.GetRequiredService<SimulatedStationsWorker>());
        return builder;
    }
}
