using System.Text.Json.Serialization;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Diagnostics.HealthChecks;
using Microsoft.Extensions.Options;
using Moci.Ingest.Apis;
using Moci.Ingest.Broker;
using Moci.Ingest.Exports;
using Moci.Ingest.Health;
using Moci.Ingest.Intake;
using Moci.Ingest.Operations;
using OpenTelemetry.Metrics;
using Moci.Ingest.Options;
using Moci.Ingest.Queries;
using Moci.Ingest.Stations;
using Moci.Ingest.Storage;
using Moci.Ingest.Storage.Influx;

namespace Moci.Ingest;

/// <summary>Wiring of the ingest, so that the ingest host and the dashboard host it the same way.</summary>
public static class Extensions
{
    /// <summary>
    /// Adds the embedded broker (when configured), the MQTT intake, the batch writer, the SQLite store and
    /// the station registry. Options are validated at start: a bad setting stops the host with a message
    /// naming it.
    /// </summary>
    public static IHostApplicationBuilder AddIngest(this IHostApplicationBuilder builder)
    {
        var services = builder.Services;
        services.TryAddSingleton(TimeProvider.System);

        services.AddOptions<BrokerOptions>().BindConfiguration(BrokerOptions.Section).ValidateOnStart();
        services.AddSingleton<IValidateOptions<BrokerOptions>, BrokerOptionsValidator>();
        services.AddOptions<StorageOptions>().BindConfiguration(StorageOptions.Section).ValidateOnStart();
        services.AddSingleton<IValidateOptions<StorageOptions>, StorageOptionsValidator>();
        services.AddOptions<DeadLetterOptions>().BindConfiguration(DeadLetterOptions.Section).ValidateOnStart();
        services.AddSingleton<IValidateOptions<DeadLetterOptions>, DeadLetterOptionsValidator>();
        services.AddOptions<IntakeOptions>().BindConfiguration(IntakeOptions.Section).ValidateOnStart();
        services.AddSingleton<IValidateOptions<IntakeOptions>, IntakeOptionsValidator>();
        services.AddOptions<StationRegistryOptions>()
            .Configure<IConfiguration>((options, configuration) => configuration.GetSection(StationRegistryOptions.Section).Bind(options.Stations))
            .ValidateOnStart();
        services.AddSingleton<IValidateOptions<StationRegistryOptions>, StationRegistryOptionsValidator>();
        services.AddOptions<ExportOptions>().BindConfiguration(ExportOptions.Section).ValidateOnStart();
        services.AddSingleton<IValidateOptions<ExportOptions>, ExportOptionsValidator>();
        services.AddSingleton<ExportNotice>();
        services.AddSingleton<ExportWriter>();

        services.AddSingleton(sp => new StationStore(DatabasePath(sp), sp.GetRequiredService<TimeProvider>()));
        services.AddSingleton<StationRegistry>();
        services.AddSingleton(sp => new StationPresenceStore(DatabasePath(sp)));
        services.AddSingleton(sp => TakesReadings(sp) ? new StationPresence() : new StationPresence(sp.GetRequiredService<StationPresenceStore>()));
        services.AddSingleton(sp => new SqliteReadingStore(DatabasePath(sp), sp.GetRequiredService<TimeProvider>()));
        services.AddSingleton(sp => new InfluxReadingStore(
            InfluxEndpoint.From(sp.GetRequiredService<IOptions<StorageOptions>>().Value.InfluxDB, sp.GetRequiredService<IHostEnvironment>().ContentRootPath),
            sp.GetRequiredService<TimeProvider>()));
        // Storage:Kind picks the reading store; the registry and the dead letters stay in the SQLite file either way.
        services.AddSingleton<IReadingStore>(sp => sp.GetRequiredService<IOptions<StorageOptions>>().Value.Kind == StorageKind.InfluxDB
            ? sp.GetRequiredService<InfluxReadingStore>()
            : sp.GetRequiredService<SqliteReadingStore>());
        services.AddSingleton<SeriesQueries>();
        services.AddSingleton<StationQueries>();
        services.AddSingleton(sp => new DeadLetterStore(DatabasePath(sp), sp.GetRequiredService<IOptions<DeadLetterOptions>>().Value));
        services.AddSingleton(sp => new StationHealthStore(DatabasePath(sp)));
        services.AddSingleton<HealthIntake>();
        services.AddSingleton<StationHealthQueries>();
        services.AddSingleton<IngestCounters>();
        services.AddSingleton<IntakeQueue>();
        services.AddSingleton<MessageIntake>();
        services.AddSingleton<ReadingsReceiver>();
        services.AddSingleton<AirrohrCounters>();
        services.AddSingleton<MqttIntake>();
        services.AddSingleton<IntakeCredential>();
        services.AddSingleton<BrokerCounters>();
        services.AddSingleton<BrokerAccessPolicy>();
        services.AddSingleton<AckSessions>();
        services.AddSingleton<EmbeddedBroker>();

        // Hosted services start in this order and stop in reverse: the broker is up before the intake
        // connects, and on shutdown the intake stops taking messages before the writer drains the queue.
        services.AddHostedService<InfluxStartupCheck>();
        // Intake:Enabled=false makes a process that only reads the hub's database (a dashboard of its own beside
        // the ingests): no broker, no writer, no intake, and the registry left as the hub keeps it. It is read when
        // the services are made, from the host's final configuration.
        services.AddHostedService<StationRegistryWatcher>();
        services.AddSingleton<StationPresenceWriter>();
        services.AddSingleton<IHostedService>(sp => TakesReadings(sp) ? sp.GetRequiredService<StationPresenceWriter>() : new IdleService());
        services.AddSingleton<BatchWriter>();
        services.AddSingleton<IHostedService>(sp => TakesReadings(sp) ? sp.GetRequiredService<EmbeddedBroker>() : new IdleService());
        services.AddSingleton<IHostedService>(sp => TakesReadings(sp) ? sp.GetRequiredService<BatchWriter>() : new IdleService());
        services.AddSingleton<IHostedService>(sp => TakesReadings(sp) ? sp.GetRequiredService<MqttIntake>() : new IdleService());
        services.AddOptions<StationRegistryOptions>().PostConfigure<IConfiguration>((options, configuration) =>
        {
            if (!TakesReadings(configuration))
            {
                options.Stations.Clear();
            }
        });

        services.AddSingleton<IngestMetrics>();
        services.AddOpenTelemetry().WithMetrics(metrics => metrics.AddMeter(IngestMetrics.MeterName).AddPrometheusExporter());
        services.AddHealthChecks()
            .AddCheck<BrokerListeningCheck>("broker", tags: [OperationsEndpoints.ReadyTag])
            .AddCheck<StoreWritableCheck>("store", tags: [OperationsEndpoints.ReadyTag])
            .AddCheck<IntakeSubscribedCheck>("intake", tags: [OperationsEndpoints.ReadyTag]);
        services.AddOptions<HealthCheckServiceOptions>().PostConfigure<IConfiguration>((options, configuration) =>
        {
            if (!TakesReadings(configuration))
            {
                foreach (var check in options.Registrations.Where(r => r.Name is "broker" or "intake").ToList())
                {
                    options.Registrations.Remove(check);
                }
            }
        });

        services.AddProblemDetails();

        // A query parameter that does not bind (limit=many) throws, so that the API's error pipeline
        // answers with a ProblemDetails naming it instead of an empty 400.
        services.Configure<RouteHandlerOptions>(routes => routes.ThrowOnBadRequest = true);
        services.AddOpenApi();
        services.ConfigureHttpJsonOptions(json => json.SerializerOptions.Converters.Add(new JsonStringEnumConverter()));
        return builder;
    }

    /// <summary>False when <c>Intake:Enabled</c> is false: the process only reads the hub's database.</summary>
    private static bool TakesReadings(IConfiguration configuration) => configuration.GetValue("Intake:Enabled", true);

    private static bool TakesReadings(IServiceProvider services) => TakesReadings(services.GetRequiredService<IConfiguration>());

    /// <summary>The database file; a relative path is taken from the content root (the project folder under <c>dotnet run</c>).</summary>
    private static string DatabasePath(IServiceProvider services) => Path.Combine(
        services.GetRequiredService<IHostEnvironment>().ContentRootPath,
        services.GetRequiredService<IOptions<StorageOptions>>().Value.DatabasePath);

    /// <summary>Maps the read API under <c>/api/v1</c>, and its OpenAPI description at <c>/openapi/v1.json</c>.</summary>
    public static IEndpointRouteBuilder MapIngestApi(this IEndpointRouteBuilder app)
    {
        app.MapOpenApi();
        app.MapStationsApi();
        app.MapStationHealthApi();
        app.MapReadingsApi();
        app.MapExceedancesApi();
        app.MapIndexApi();
        app.MapExportApi();
        app.MapMetricsApi();
        app.MapHealthApi();
        app.MapDeadLettersApi();
        app.MapOperations();
        app.MapAirrohrApi();
        return app;
    }
}
