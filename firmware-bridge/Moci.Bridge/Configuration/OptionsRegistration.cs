using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Options;

namespace Moci.Bridge.Configuration;

/// <summary>Binds the configuration file's sections to their options classes, each checked at start.</summary>
internal static class OptionsRegistration
{
    /// <summary>
    /// Adds every options class of the bridge, bound from <paramref name="configuration"/> (the file <see cref="ConfigFile"/>
    /// read) and validated on start: a bad setting stops the host with a message naming it.
    /// </summary>
    public static IServiceCollection AddBridgeOptions(this IServiceCollection services, IConfiguration configuration)
    {
        services.TryAddSingleton(FileView.Real);
        Add<StationOptions, StationOptionsValidator>(services, configuration, StationOptions.Section);
        Add<BrokerOptions, BrokerOptionsValidator>(services, configuration, BrokerOptions.Section);
        Add<OutboxOptions, OutboxOptionsValidator>(services, configuration, OutboxOptions.Section);
        Add<SamplingOptions, SamplingOptionsValidator>(services, configuration, SamplingOptions.Section);
        Add<HealthOptions, HealthOptionsValidator>(services, configuration, HealthOptions.Section);
        services.AddOptions<SensorListOptions>()
            .Configure(options => configuration.GetSection(SensorListOptions.Section).Bind(options.Sensors))
            .ValidateOnStart();
        services.AddSingleton<IValidateOptions<SensorListOptions>, SensorListValidator>();
        return services;
    }

    /// <summary>
    /// Every problem of every options class, for commands that check the configuration without starting a host
    /// (<c>check</c>); empty when all is well.
    /// </summary>
    public static IReadOnlyList<string> Problems(IServiceProvider services)
    {
        var problems = new List<string>();
        Collect<StationOptions>(services, problems);
        Collect<BrokerOptions>(services, problems);
        Collect<OutboxOptions>(services, problems);
        Collect<SamplingOptions>(services, problems);
        Collect<HealthOptions>(services, problems);
        Collect<SensorListOptions>(services, problems);
        return problems;
    }

    /// <summary>The failures an options check at start reported, one by one.</summary>
    public static IReadOnlyList<string> Failures(Exception exception) => exception switch
    {
        OptionsValidationException validation => [.. validation.Failures],
        AggregateException aggregate => [.. aggregate.InnerExceptions.SelectMany(Failures)],
        _ => [exception.Message],
    };

    private static void Add<TOptions, TValidator>(IServiceCollection services, IConfiguration configuration, string section)
        where TOptions : class
        where TValidator : class, IValidateOptions<TOptions>
    {
        services.AddOptions<TOptions>().Bind(configuration.GetSection(section)).ValidateOnStart();
        services.AddSingleton<IValidateOptions<TOptions>, TValidator>();
    }

    private static void Collect<TOptions>(IServiceProvider services, List<string> problems)
        where TOptions : class
    {
        try
        {
            _ = services.GetRequiredService<IOptions<TOptions>>().Value;
        }
        catch (OptionsValidationException ex)
        {
            problems.AddRange(ex.Failures);
        }
    }
}
