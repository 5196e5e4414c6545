using Microsoft.Data.Sqlite;
using Microsoft.Extensions.Diagnostics.HealthChecks;
using Microsoft.Extensions.Options;
using Moci.Ingest.Broker;
using Moci.Ingest.Intake;
using Moci.Ingest.Options;
using Moci.Ingest.Stations;
using Moci.Ingest.Storage;
using Moci.Ingest.Storage.Influx;

namespace Moci.Ingest.Operations;

/// <summary>The embedded broker is listening (always true with an external broker, which this process does not run).</summary>
internal sealed class BrokerListeningCheck(IOptions<BrokerOptions> options, EmbeddedBroker broker) : IHealthCheck
{
    public Task<HealthCheckResult> CheckHealthAsync(HealthCheckContext context, CancellationToken cancellationToken = default) =>
        Task.FromResult(!options.Value.Embedded
            ? HealthCheckResult.Healthy("external broker")
            : broker.Port > 0
                ? HealthCheckResult.Healthy($"listening on port {broker.Port}" + (broker.TlsPort > 0 ? $" and {broker.TlsPort} (TLS)" : ""))
                : HealthCheckResult.Unhealthy("the embedded broker is not listening"));
}

/// <summary>The intake is connected to the broker and subscribed.</summary>
internal sealed class IntakeSubscribedCheck(MqttIntake intake) : IHealthCheck
{
    public Task<HealthCheckResult> CheckHealthAsync(HealthCheckContext context, CancellationToken cancellationToken = default) =>
        Task.FromResult(intake.IsConnected && intake.Subscribed.IsCompletedSuccessfully
            ? HealthCheckResult.Healthy($"subscribed to {intake.ReadingsFilter}")
            : HealthCheckResult.Unhealthy("the intake is not connected to the broker"));
}

/// <summary>
/// The hub's database takes a write lock within two seconds (<c>BEGIN IMMEDIATE</c>, then rolled back): the file is
/// there, writable, and no other writer holds it for long. It holds the registry and the dead letters whichever store
/// keeps the readings; when that is InfluxDB, the server must answer its ping too.
/// </summary>
internal sealed class StoreWritableCheck(StationStore stations, IReadingStore store) : IHealthCheck
{
    public async Task<HealthCheckResult> CheckHealthAsync(HealthCheckContext context, CancellationToken cancellationToken = default)
    {
        if (store is InfluxReadingStore influx && !await influx.PingAsync())
        {
            return HealthCheckResult.Unhealthy($"InfluxDB does not answer at {influx.Endpoint.Url}");
        }

        try
        {
            await using var connection = new SqliteConnection(new SqliteConnectionStringBuilder
            {
                DataSource = stations.DatabasePath,
                Mode = SqliteOpenMode.ReadWrite,
                Pooling = false,
                DefaultTimeout = 2,
            }.ToString());
            await connection.OpenAsync(cancellationToken);
            // BeginTransaction(deferred: false) is BEGIN IMMEDIATE: it takes the write lock or fails with "locked".
            using var transaction = connection.BeginTransaction(deferred: false);
            transaction.Rollback();
            return HealthCheckResult.Healthy("writable");
        }
        catch (SqliteException ex)
        {
            return HealthCheckResult.Unhealthy($"the database cannot be written: {ex.Message}");
        }
    }
}
