using System.Buffers;
using System.Text;
using Microsoft.Extensions.Options;
using Moci.Ingest.Intake;
using Moci.Ingest.Options;
using Moci.Ingest.Stations;
using Moci.Ingest.Storage;
using Moci.Telemetry.Protocol;
using Moci.Telemetry.Readings;
using Moci.Telemetry.Stations;

namespace Moci.Cli.Tests.Support;

/// <summary>
/// What a running hub does with what it receives, on the test's database and beside the command line: the hub's
/// own intake (<see cref="MessageIntake"/>, <see cref="AirrohrIntake"/>) against the registry as it is, the readings
/// into the reading store and the dead letters into the dead-letter table, as the batch writer commits them.
/// </summary>
internal sealed class HubIntake : IDisposable
{
    private readonly StationStore _stations;
    private readonly StationRegistry _registry;
    private readonly MessageIntake _intake;

    public HubIntake(string databasePath, DeadLetterOptions? deadLetters = null)
    {
        _stations = new StationStore(databasePath, TimeProvider.System);
        _registry = new StationRegistry(_stations, Options.Create(new StationRegistryOptions()));
        _intake = new MessageIntake(_registry, Options.Create(new IntakeOptions()));
        Readings = new SqliteReadingStore(databasePath);
        DeadLetters = new DeadLetterStore(databasePath, deadLetters);
    }

    public SqliteReadingStore Readings { get; }

    public DeadLetterStore DeadLetters { get; }

    /// <summary>A SenML pack of <paramref name="stationId"/>, received on its readings topic at <paramref name="receivedAt"/>.</summary>
    public async Task<IntakeItem> PublishAsync(string stationId, string pack, DateTimeOffset receivedAt)
    {
        _registry.Refresh();
        var item = _intake.Accept(WireTopics.Readings(stationId), new ReadOnlySequence<byte>(Encoding.UTF8.GetBytes(pack)), null, receivedAt);
        await CommitAsync(item);
        return item;
    }

    /// <summary>Many packs, as <see cref="PublishAsync"/> each, committed together.</summary>
    public async Task PublishManyAsync(IEnumerable<(string StationId, string Pack, DateTimeOffset ReceivedAt)> packs)
    {
        _registry.Refresh();
        var items = packs.Select(p => _intake.Accept(WireTopics.Readings(p.StationId), new ReadOnlySequence<byte>(Encoding.UTF8.GetBytes(p.Pack)), null, p.ReceivedAt)).ToList();
        await Readings.WriteAsync([.. items.SelectMany(i => i.Readings)]);
        await DeadLetters.AddAsync([.. items.SelectMany(i => i.DeadLetters)]);
    }

    /// <summary>A Sensor.Community kit's body, posted as <paramref name="stationId"/> while the hub took it for a station of <paramref name="kind"/>.</summary>
    public async Task<IntakeItem> PostAirrohrAsync(string stationId, StationKind kind, string body, DateTimeOffset receivedAt)
    {
        var item = AirrohrIntake.Accept(stationId, kind, Encoding.UTF8.GetBytes(body), receivedAt, TimeRules.Default).Item;
        await CommitAsync(item);
        return item;
    }

    /// <summary>Every stored reading of one series.</summary>
    public async Task<IReadOnlyList<Reading>> ReadAsync(string stationId, string metric)
    {
        var readings = new List<Reading>();
        await foreach (var reading in Readings.ReadAsync(stationId, metric, Moci.Telemetry.Time.TimeRange.All))
        {
            readings.Add(reading);
        }

        return readings;
    }

    /// <summary>The station's dead letters, oldest first, with their stored payloads.</summary>
    public Task<IReadOnlyList<DeadLetter>> LettersAsync(string stationId) => DeadLetters.ListOldestFirstAsync(stationId, null, 10_000);

    private async Task CommitAsync(IntakeItem item)
    {
        var result = await Readings.WriteAsync(item.Readings);
        Assert.That(result.Conflicts, Is.Empty, "the tests make their conflicts by replaying");
        await DeadLetters.AddAsync(item.DeadLetters);
    }

    public void Dispose()
    {
        Readings.Dispose();
        DeadLetters.Dispose();
        _stations.Dispose();
    }
}
