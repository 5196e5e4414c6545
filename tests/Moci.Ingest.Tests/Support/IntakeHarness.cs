using System.Buffers;
using System.Diagnostics.Metrics;
using System.Text;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Time.Testing;
using Moci.Ingest.Broker;
using Moci.Ingest.Health;
using Moci.Ingest.Intake;
using Moci.Ingest.Operations;
using Moci.Ingest.Options;
using Moci.Ingest.Stations;
using Moci.Ingest.Storage;
using Moci.Telemetry.Stations;
using MsOptions = Microsoft.Extensions.Options.Options;

namespace Moci.Ingest.Tests.Support;

/// <summary>
/// The intake's commit path in-process, without MQTT: <see cref="MessageIntake"/> → <see cref="IntakeQueue"/> →
/// <see cref="BatchWriter"/> → the real SQLite reading and dead-letter stores in a temp folder. The
/// <see cref="MqttIntake"/> the writer needs is never connected, so acknowledgements to stations are not sent;
/// the broker acknowledgement (PUBACK) of each message is observed through <see cref="IntakeItem.AcknowledgeDelivery"/>.
/// Registered stations: an air, a water and a mobile station, and <see cref="CleanStation"/> (air).
/// </summary>
internal sealed class IntakeHarness : IAsyncDisposable
{
    public const string AirStation = "rrg-school-01";
    public const string WaterStation = "shk-river-01";
    public const string MobileStation = "rrg-bike-01";

    /// <summary>An air station that only well-formed packs are sent for.</summary>
    public const string CleanStation = "rrg-clean-01";

    private readonly TempDirectory _folder = new();
    private readonly MqttIntake _mqtt;
    private readonly ServiceProvider _services;

    public IntakeHarness(DateTimeOffset now, int queueCapacity = 10_000)
    {
        Now = now;
        var registry = new StationRegistry(new StationStore(_folder.File("hub.db"), TimeProvider.System), MsOptions.Create(new StationRegistryOptions
        {
            Stations =
            {
                new StationOptions { Id = AirStation, Kind = StationKind.Air },
                new StationOptions { Id = WaterStation, Kind = StationKind.Water },
                new StationOptions { Id = MobileStation, Kind = StationKind.Mobile },
                new StationOptions { Id = CleanStation, Kind = StationKind.Air },
            },
        }));
        var storage = MsOptions.Create(new StorageOptions { QueueCapacity = queueCapacity });
        Store = new SqliteReadingStore(_folder.File("hub.db"), new FakeTimeProvider(now));
        DeadLetters = new DeadLetterStore(_folder.File("hub.db"));
        Health = new StationHealthStore(_folder.File("hub.db"));
        Queue = new IntakeQueue(storage);
        Intake = new MessageIntake(registry, MsOptions.Create(new IntakeOptions()));
        _mqtt = new MqttIntake(
            MsOptions.Create(new BrokerOptions()), new IntakeCredential(MsOptions.Create(new BrokerOptions())),
            new ReadingsReceiver(Intake, Queue, Counters, TimeProvider.System, NullLogger<ReadingsReceiver>.Instance), Queue, Counters, new StationPresence(),
            new HealthIntake(registry, Health, DeadLetters, NullLogger<HealthIntake>.Instance), new AckSessions(), TimeProvider.System, NullLogger<MqttIntake>.Instance);
        _services = new ServiceCollection().AddMetrics().BuildServiceProvider();
        var metrics = new IngestMetrics(_services.GetRequiredService<IMeterFactory>(), Counters, new BrokerCounters(), Queue);
        Writer = new BatchWriter(Queue, Store, DeadLetters, _mqtt, Counters, metrics, storage, TimeProvider.System, NullLogger<BatchWriter>.Instance);
    }

    /// <summary>The hub's clock for every message (its reception time) and for the store's "latest".</summary>
    public DateTimeOffset Now { get; }

    public string DatabasePath => _folder.File("hub.db");

    public SqliteReadingStore Store { get; }

    public DeadLetterStore DeadLetters { get; }

    public StationHealthStore Health { get; }

    public IntakeQueue Queue { get; }

    public MessageIntake Intake { get; }

    public IngestCounters Counters { get; } = new();

    public BatchWriter Writer { get; }

    public Task StartAsync() => Writer.StartAsync(CancellationToken.None);

    /// <summary>Stops the writer, which first commits whatever is queued.</summary>
    public Task StopAsync() => Writer.StopAsync(CancellationToken.None);

    /// <summary>Accepts a message as the MQTT handler does and queues it; completes when it is committed and acknowledged.</summary>
    public async Task<IntakeItem> SubmitAsync(string stationId, string json, string? seq = null)
    {
        var item = Enqueue(stationId, json, out var acknowledged, seq);
        await acknowledged.WaitAsync(TimeSpan.FromSeconds(20));
        return item;
    }

    /// <summary>Accepts a message as the MQTT handler does and queues it.</summary>
    /// <param name="stationId">Whose readings topic it comes on.</param>
    /// <param name="json">The payload.</param>
    /// <param name="acknowledged">Completes when the writer has committed the message and acknowledges it.</param>
    /// <param name="seq">The <c>seq</c> user property.</param>
    public IntakeItem Enqueue(string stationId, string json, out Task acknowledged, string? seq = null)
    {
        var done = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        var item = Intake.Accept($"moci/v1/{stationId}/senml", new ReadOnlySequence<byte>(Encoding.UTF8.GetBytes(json)), seq, Now) with
        {
            AcknowledgeDelivery = _ =>
            {
                done.TrySetResult();
                return Task.CompletedTask;
            },
        };
        Assert.That(Queue.Writer.TryWrite(item), Is.True, "the queue is large enough for every test message");
        acknowledged = done.Task;
        return item;
    }

    /// <summary>Every stored reading of one series.</summary>
    public async Task<List<Telemetry.Readings.Reading>> ReadAllAsync(string stationId, string metric)
    {
        var readings = new List<Telemetry.Readings.Reading>();
        await foreach (var reading in Store.ReadAsync(stationId, metric, Moci.Telemetry.Time.TimeRange.All))
        {
            readings.Add(reading);
        }

        return readings;
    }

    public async ValueTask DisposeAsync()
    {
        await StopAsync();
        Writer.Dispose();
        _mqtt.Dispose();
        _services.Dispose();
        Store.Dispose();
        DeadLetters.Dispose();
        Health.Dispose();
        _folder.Dispose();
    }
}
