using System.Globalization;
using System.Net.Http.Json;
using System.Text;
using System.Text.Json;
using CsCheck;
using Microsoft.Data.Sqlite;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging.Abstractions;
using Moci.Kit.Options;
using Moci.Kit.Publishing;
using Moci.Ingest.Apis;
using Moci.Ingest.Storage;
using Moci.Ingest.Tests.Support;
using Moci.Telemetry.Protocol;
using Moci.Telemetry.Readings;
using Moci.Telemetry.SenML;
using MQTTnet;
using MQTTnet.Protocol;

namespace Moci.Ingest.Tests.Intake;

/// <summary>
/// Hostile traffic through the running hub, as registered stations send it over MQTT 5 at QoS 1 to the embedded
/// broker: random and mutated packs, payloads no encoder writes and odd MQTT properties (missing, garbled, repeated
/// <c>seq</c>; many user properties; a content type or a UTF-8 claim that does not fit; the retain flag), mixed
/// with well-formed packs of a clean station whose readings are known. Afterwards the hub still answers and takes
/// new connections, every message the broker accepted was taken by the <see cref="Moci.Ingest.Intake.MqttIntake"/>
/// exactly once, each of its records ended as stored, duplicate, conflict or dead letter, and every clean reading
/// can be read back through the API.
/// </summary>
public sealed class MqttIntakePropertyTests
{
    /// <summary>Random and mutated packs sent, besides the clean ones.</summary>
    private const int GarbageMessages = 10_000;

    /// <summary>Well-formed packs of <see cref="CleanStation"/> sent among the garbage.</summary>
    private const int CleanMessages = 1_000;

    private const string MobileStation = "rrg-bike-01";
    private const string CleanStation = "rrg-clean-01";

    private static readonly TimeSpan Timeout = TimeSpan.FromMinutes(3);
    private static readonly string[] GarbageStations = [HubFactory.AirStation, HubFactory.WaterStation, MobileStation];
    private static readonly string[] Publishers = [.. GarbageStations, CleanStation];

    /// <summary>User properties a station would not send: several or garbled <c>seq</c> values, odd names, hundreds of them.</summary>
    private static readonly Gen<(string Name, byte[] Value)[]> OddProperties = Gen.OneOf<(string, byte[])[]>(
        [("seq", "1"u8.ToArray()), ("seq", "2"u8.ToArray())],
        [("seq", [0xFF, 0xFE, 0x31])],
        [("seq", [0xC0, 0xAF])],
        [("seq", Encoding.UTF8.GetBytes(new string('9', 10_000)))],
        [("seq", " 7"u8.ToArray())],
        [("seq", "+7"u8.ToArray())],
        [("seq", "\u0663"u8.ToArray())],
        [("seq", "7\0"u8.ToArray())],
        [("seq", "0x10"u8.ToArray())],
        [("seq", "9223372036854775808"u8.ToArray())],
        [("SEQ", "5"u8.ToArray())],
        [("", ""u8.ToArray())],
        [("seq\n[INFO] forged", "1"u8.ToArray())],
        [.. Enumerable.Range(0, 500).Select(i => ("p" + i.ToString(CultureInfo.InvariantCulture), "v"u8.ToArray()))]);

    private static readonly Gen<string?> OddContentType = Gen.OneOf<string?>(
        null, WireProtocol.SenMLContentType, "text/plain", "", "application/json; charset=latin1", new string('c', 1000), "\u00e9\u2028");

    private static Dictionary<string, string?> Settings() => new()
    {
        ["Stations:2:Id"] = MobileStation,
        ["Stations:2:Name"] = "Bicycle of the school",
        ["Stations:2:Kind"] = "Mobile",
        ["Stations:2:Latitude"] = "41.076",
        ["Stations:2:Longitude"] = "19.667",
        ["Stations:3:Id"] = CleanStation,
        ["Stations:3:Name"] = "Clean station",
        ["Stations:3:Kind"] = "Air",
        ["Stations:3:Latitude"] = "41.077",
        ["Stations:3:Longitude"] = "19.668",

        // The test sends as fast as the broker answers; the per-station rate limit has tests of its own.
        ["Broker:StationMessagesPerSecond"] = "1000000",
        ["Broker:StationMessageBurst"] = "1000000",
    };

    /// <summary>The garbage with odd properties and the clean packs with a station's, in random order.</summary>
    private static Gen<MqttPack[]> Traffic(HostilePacks packs)
    {
        var garbage =
            from pack in packs.Garbage.Where(p => p.Topic.Length > 0) // MQTT has no empty topic name; the client refuses to send one
            from extra in Gen.Frequency((12, Gen.Const(Array.Empty<(string, byte[])>())), (1, OddProperties))
            from contentType in Gen.Frequency((6, Gen.Const((string?)null)), (1, OddContentType))
            from format in Gen.Frequency((6, Gen.Const(MqttPayloadFormatIndicator.Unspecified)), (1, Gen.Const(MqttPayloadFormatIndicator.CharacterData)))
            from retain in Gen.Frequency((20, Gen.Const(false)), (1, Gen.Const(true)))
            select new MqttPack(pack, extra, contentType, format, retain);
        var clean = packs.Clean.Select(pack => new MqttPack(pack, [], WireProtocol.SenMLContentType, MqttPayloadFormatIndicator.Unspecified, false));
        return from g in garbage.Array[GarbageMessages]
               from c in clean.Array[CleanMessages]
               from all in Gen.Shuffle(g.Concat(c).ToArray())
               select all;
    }

    /// <summary>Who sends a message: the station whose topic it names, or a garbage station for a topic of nobody's.</summary>
    private static string PublisherOf(PackMessage pack) =>
        WireTopics.TryParse(pack.Topic, out var station, out _) && Publishers.Contains(station) ? station : GarbageStations[0];

    /// <summary>Records of a message as the intake counts them: each record of a readable pack, or the message as one.</summary>
    private static int RecordsOf(byte[] payload, DateTimeOffset now) =>
        SenMLDecoder.TryDecode(payload, now, out var records, out _) ? records.Count : 1;

    private static bool IsUtf8(byte[] payload) => System.Text.Unicode.Utf8.IsValid(payload);

    private static MqttApplicationMessage Build(MqttPack message)
    {
        var builder = new MqttApplicationMessageBuilder()
            .WithTopic(message.Pack.Topic)
            .WithPayload(message.Pack.Payload)
            .WithQualityOfServiceLevel(MqttQualityOfServiceLevel.AtLeastOnce)
            .WithRetainFlag(message.Retain)
            .WithPayloadFormatIndicator(message.Format);
        if (message.ContentType is { } contentType)
        {
            builder = builder.WithContentType(contentType);
        }

        foreach (var (name, value) in message.ExtraProperties)
        {
            builder = builder.WithUserProperty(name, value.AsMemory());
        }

        if (message.Pack.Seq is { } seq)
        {
            builder = builder.WithUserProperty(WireProtocol.SequenceProperty, Encoding.UTF8.GetBytes(seq).AsMemory());
        }

        return builder.Build();
    }

    /// <summary>Publishes one station's share of the traffic in order, each awaiting the broker's PUBACK.</summary>
    private static async Task<List<(MqttPack Message, string Station, MqttClientPublishReasonCode? Code, Exception? Error)>> PublishAllAsync(
        IMqttClient client, string station, IEnumerable<MqttPack> messages)
    {
        var outcomes = new List<(MqttPack, string, MqttClientPublishReasonCode?, Exception?)>();
        foreach (var message in messages)
        {
            try
            {
                var result = await client.PublishAsync(Build(message));
                outcomes.Add((message, station, result.ReasonCode, null));
            }
            catch (Exception ex) when (ex is MQTTnet.Exceptions.MqttCommunicationException or OperationCanceledException or InvalidOperationException)
            {
                outcomes.Add((message, station, null, ex));
            }
        }

        return outcomes;
    }

    /// <summary>Every stored reading of the clean station through GET /api/v1/readings, by (metric, Unix milliseconds).</summary>
    private static async Task<Dictionary<(string Metric, long Milliseconds), double?>> ReadBackAsync(HttpClient http, HostilePacks packs)
    {
        var from = (packs.Now - TimeSpan.FromDays(26)).ToString("yyyy-MM-dd'T'HH:mm:ss'Z'", CultureInfo.InvariantCulture);
        var to = (packs.Now + TimeSpan.FromMinutes(10)).ToString("yyyy-MM-dd'T'HH:mm:ss'Z'", CultureInfo.InvariantCulture);
        var stored = new Dictionary<(string, long), double?>();
        foreach (var metric in packs.CleanMetrics)
        {
            using var json = JsonDocument.Parse(await http.GetStringAsync($"/api/v1/readings?station={CleanStation}&metric={metric.Name}&from={from}&to={to}"));
            foreach (var reading in json.RootElement.GetProperty("readings").EnumerateArray())
            {
                var value = reading.GetProperty("value");
                stored.Add((metric.Name, reading.GetProperty("timestamp").GetDateTimeOffset().ToUnixTimeMilliseconds()), value.ValueKind == JsonValueKind.Number ? value.GetDouble() : null);
            }
        }

        return stored;
    }

    private static long CountRows(string databasePath, string table)
    {
        using var connection = new SqliteConnection($"Data Source={databasePath};Mode=ReadOnly;Pooling=False");
        connection.Open();
        using var command = connection.CreateCommand();
        command.CommandText = $"SELECT count(*) FROM {table}";
        return (long)command.ExecuteScalar()!;
    }

    [Test]
    public async Task HostileTrafficOverMqtt_HubStaysUp_EachMessageCountedOnce_EveryCleanReadingStored()
    {
        using var hub = new HubFactory(Settings());
        await hub.StartAsync();
        var packs = new HostilePacks(DateTimeOffset.UtcNow, GarbageStations, CleanStation);
        var pcg = PCG.ThreadPCG;
        var seed = pcg.ToString();
        var traffic = Traffic(packs).Generate(pcg, null, out _);
        TestContext.Out.WriteLine($"traffic of seed {seed}: {traffic.Length} messages, {traffic.Sum(m => (long)m.Pack.Payload.Length)} payload bytes");

        Assert.Multiple(() =>
        {
            Assert.That(traffic.Count(m => m.Pack.Payload.Length == 0), Is.Positive, "the traffic holds empty payloads");
            Assert.That(traffic.Count(m => !IsUtf8(m.Pack.Payload)), Is.Positive, "payloads that are not UTF-8");
            Assert.That(traffic.Count(m => m.Pack.Payload.Length > 10_000), Is.Positive, "payloads of deep nesting and long numbers");
            Assert.That(traffic.Count(m => m.Pack.Seq is null), Is.Positive, "messages without a seq");
            Assert.That(traffic.Count(m => m.Pack.Seq is not null && !long.TryParse(m.Pack.Seq, NumberStyles.None, CultureInfo.InvariantCulture, out _)), Is.Positive, "messages with a garbled seq");
            Assert.That(traffic.Count(m => m.ExtraProperties.Count > 0), Is.Positive, "messages with odd user properties");
        });

        var clients = new List<IMqttClient>();
        foreach (var publisher in Publishers)
        {
            clients.Add(await hub.ConnectStationAsync(publisher, publisher + "-fuzz"));
        }

        var sending = Publishers.Select((station, i) => PublishAllAsync(clients[i], station, traffic.Where(m => PublisherOf(m.Pack) == station)));
        var outcomes = (await Task.WhenAll(sending).WaitAsync(Timeout)).SelectMany(o => o).ToList();
        var accepted = outcomes.Where(o => o.Code == MqttClientPublishReasonCode.Success).Select(o => o.Message).ToList();
        var stillConnected = clients.Select(c => c.IsConnected).ToList();
        foreach (var client in clients)
        {
            client.Dispose();
        }

        // A real station connecting after the traffic: the acknowledgement of its one batch comes after everything
        // sent before it is committed and counted (one intake session, delivered and committed in order).
        var lastAt = DateTimeOffset.FromUnixTimeMilliseconds(packs.Now.ToUnixTimeMilliseconds() - 30_000);
        List<Reading> last = [.. packs.CleanMetrics.Select((m, i) => new Reading(CleanStation, m.Name, lastAt, 0.5 + i))];
        var options = new PublisherOptions { Port = hub.BrokerPort, AckTimeout = TimeSpan.FromMinutes(10) };
        var outbox = new OutboxOptions { Directory = Path.Combine(Path.GetDirectoryName(hub.DatabasePath)!, "station-outbox") };
        using var station = new StationPublisher(CleanStation, hub.SecretOf(CleanStation), options, outbox, TimeProvider.System, NullLogger.Instance);
        var acknowledged = new TaskCompletionSource<long>(TaskCreationOptions.RunContinuationsAsynchronously);
        station.Acknowledged += seq => acknowledged.TrySetResult(seq);
        using var stop = new CancellationTokenSource();
        var running = station.RunAsync(stop.Token);
        station.Enqueue(last);
        var ack = await acknowledged.Task.WaitAsync(Timeout);

        using var late = await hub.ConnectStationAsync(HubFactory.WaterStation, HubFactory.WaterStation + "-late");
        using var http = hub.CreateClient();
        var health = await http.GetFromJsonAsync<HealthApi.HealthResponse>("/api/v1/health", Json.Options);
        var totals = health!.Totals;
        var deadLetters = hub.Services.GetRequiredService<DeadLetterStore>();
        var stored = await ReadBackAsync(http, packs);
        stop.Cancel();
        await running.WaitAsync(Timeout);

        var expectedRecords = accepted.Sum(m => (long)RecordsOf(m.Pack.Payload, packs.Now)) + last.Count;
        var unreadable = accepted.Count(m => !SenMLDecoder.TryDecode(m.Pack.Payload, packs.Now, out _, out _));
        var rejections = totals.Rejected.Values.Sum();
        var wronglyJudged = outcomes
            .Where(o => o.Error is null && (o.Code == MqttClientPublishReasonCode.Success) != (o.Message.Pack.Topic == WireTopics.Readings(o.Station)))
            .Select(o => $"{o.Code} for {HostilePacks.Print(o.Message.Pack)}")
            .Take(5)
            .ToList();
        TestContext.Out.WriteLine(
            $"{outcomes.Count} published ({accepted.Count} accepted, {accepted.Count(m => m.Pack.Clean is not null)} clean, {unreadable} unreadable): " +
            $"{totals.ReadingsStored} stored, {totals.DuplicatesIgnored} duplicates, {totals.Conflicts} conflicts, {totals.DeadLetters} dead letters " +
            $"in {totals.BatchesCommitted} batches; rejected: {string.Join(", ", totals.Rejected.Where(r => r.Value > 0).Select(r => $"{r.Key} {r.Value}"))}");

        Assert.Multiple(() =>
        {
            Assert.That(outcomes.Where(o => o.Error is not null).Select(o => $"{o.Error!.GetType().Name}: {o.Error.Message} for {HostilePacks.Print(o.Message.Pack)}").Take(5), Is.Empty,
                "every publish is answered by the broker");
            Assert.That(stillConnected, Has.All.True, "no message made the broker drop its sender");
            Assert.That(wronglyJudged, Is.Empty, "the broker takes exactly the messages on the sender's own readings topic");
            Assert.That(ack, Is.EqualTo(1), "the first batch of a new outbox");
            Assert.That(station.Outbox.ReadingsWaiting, Is.Zero, "the station's batch is acknowledged");
            Assert.That(late.IsConnected, Is.True, "the broker accepts a new connection afterwards");
            Assert.That(health.BrokerConnected, Is.True, "the intake is still connected");
            Assert.That(health.QueueDepth, Is.Zero);
            Assert.That(totals.MessagesReceived, Is.EqualTo(accepted.Count + 1), "every accepted message is received once, the station's batch too");
            Assert.That(totals.ReadingsStored + totals.DuplicatesIgnored + totals.Conflicts + rejections, Is.EqualTo(expectedRecords),
                "each record is stored, a duplicate, a conflict or rejected");
            Assert.That(totals.DeadLetters, Is.EqualTo(rejections + totals.Conflicts), "each rejection and each conflict is a dead letter");
            Assert.That(totals.Rejected["invalid_pack"], Is.EqualTo(unreadable), "each unreadable message is one dead letter");
            Assert.That(totals.Rejected["internal_error"], Is.Zero, "no message made the hub fail");
            Assert.That(totals.Rejected["bad_topic"] + totals.Rejected["unregistered"], Is.Zero, "the broker let no message through on a topic not the sender's own");
            Assert.That(totals.BrokerQueueDrops, Is.Zero);
        });
        Assert.That(CountRows(hub.DatabasePath, "readings"), Is.EqualTo(totals.ReadingsStored), "one row per stored reading");
        Assert.That(await deadLetters.CountAsync() + await deadLetters.DroppedAsync(), Is.EqualTo(totals.DeadLetters), "every dead letter is kept, or dropped by the quota and counted");

        var expected = accepted.Where(m => m.Pack.Clean is not null)
            .SelectMany(m => m.Pack.Clean!)
            .Concat(last.Select(r => (r.Metric, Milliseconds: r.Timestamp.ToUnixTimeMilliseconds(), r.Value)))
            .DistinctBy(r => (r.Metric, r.Milliseconds))
            .ToDictionary(r => (r.Metric, r.Milliseconds), r => r.Value);
        Assert.That(accepted.Count(m => m.Pack.Clean is not null), Is.EqualTo(CleanMessages), "every clean pack was accepted");
        // Compared by hand: NUnit's equivalence of two dictionaries is quadratic in their size.
        var missing = expected.Where(e => !stored.TryGetValue(e.Key, out var value) || value != e.Value).Take(5).ToList();
        Assert.That(missing, Is.Empty, "every clean reading is readable as sent");
        Assert.That(stored, Has.Count.EqualTo(expected.Count), "and nothing else of that station");
    }
}
