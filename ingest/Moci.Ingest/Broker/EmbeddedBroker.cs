using System.Net.Sockets;
using Microsoft.Extensions.Options;
using Moci.Ingest.Intake;
using Moci.Ingest.Options;
using MQTTnet.Server;

namespace Moci.Ingest.Broker;

/// <summary>
/// The MQTTnet broker the one-machine hub runs in-process (when <see cref="BrokerOptions.Embedded"/> is on).
/// Sessions persist across reconnects, and the per-client queue is raised well above MQTTnet's default so
/// that QoS 1 messages are not dropped under load (FACTS.md gotcha 2).
/// </summary>
public sealed class EmbeddedBroker(IOptions<BrokerOptions> options, IngestCounters counters, ILogger<EmbeddedBroker> logger)
    : IHostedService, IDisposable
{
    private MqttServer? _server;

    public async Task StartAsync(CancellationToken cancellationToken)
    {
        var broker = options.Value;
        if (!broker.Embedded)
        {
            return;
        }

        var serverOptions = new MqttServerOptionsBuilder()
            .WithDefaultEndpoint()
            .WithDefaultEndpointPort(broker.Port)
            .WithPersistentSessions(true)
            .WithMaxPendingMessagesPerClient(broker.MaxPendingMessagesPerClient)
            .WithPendingMessagesOverflowStrategy(MqttPendingMessagesOverflowStrategy.DropOldestQueuedMessage)
            .Build();
        _server = new MqttServerFactory().CreateMqttServer(serverOptions);
        _server.QueuedApplicationMessageOverwrittenAsync += e =>
        {
            // Stations keep unacknowledged batches and resend them, so a drop here delays data, not loses it.
            counters.BrokerQueueDrop();
            logger.BrokerQueueOverflow(e.ReceiverClientId, broker.MaxPendingMessagesPerClient);
            return Task.CompletedTask;
        };

        try
        {
            await _server.StartAsync();
        }
        catch (SocketException ex) when (ex.SocketErrorCode == SocketError.AddressAlreadyInUse)
        {
            throw new InvalidOperationException(
                $"Broker:Port {broker.Port} is already in use by another program (another MQTT broker such as Mosquitto?). " +
                "Stop it, or set Broker:Port (environment variable Broker__Port) to a free port.", ex);
        }

        logger.BrokerStarted(broker.Port);
    }

    public async Task StopAsync(CancellationToken cancellationToken)
    {
        if (_server is { IsStarted: true })
        {
            await _server.StopAsync(new MqttServerStopOptions());
        }
    }

    public void Dispose() => _server?.Dispose();
}
