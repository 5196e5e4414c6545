using System.Buffers;
using System.Collections.Concurrent;
using System.Globalization;
using System.Text;
using System.Text.Json;
using CsCheck;
using Microsoft.Data.Sqlite;
using Moci.Ingest.Intake;
using Moci.Ingest.Tests.Support;
using Moci.Telemetry.Metrics;
using Moci.Telemetry.Protocol;
using Moci.Telemetry.SenML;

namespace Moci.Ingest.Tests.Intake;

/// <summary>
/// Random and mutated packs, as a hostile or broken client sends them, through <see cref="MessageIntake.Accept"/>
/// and the real commit path (<see cref="BatchWriter"/>, SQLite readings and dead letters). Nothing may throw,
/// every message is acknowledged once and every record of it is accounted for exactly once (stored, duplicate,
/// conflict or dead letter), and the well-formed packs sent among the garbage are all stored.
/// </summary>
public sealed class MessageIntakePropertyTests
{
    private const int Messages = 100_000;

    private static readonly DateTimeOffset Now = new(2026, 11, 25, 12, 0, 0, TimeSpan.Zero);
    private static readonly long NowMilliseconds = Now.ToUnixTimeMilliseconds();

    private static readonly string[] GarbageStations = [IntakeHarness.AirStation, IntakeHarness.WaterStation, IntakeHarness.MobileStation];

    /// <summary>Metrics the clean (air) station sends, each in its catalogue unit.</summary>
    private static readonly Metric[] CleanMetrics = [.. MetricCatalogue.All.Where(m => m.Medium != Medium.Water)];

    private static string R(double value) => value.ToString("R", CultureInfo.InvariantCulture);

    private static string Str(string text) => JsonSerializer.Serialize(text);

    /// <summary>A message as received, and the readings it must give when it is a clean pack.</summary>
    private sealed record Message(string Topic, byte[] Payload, string? Seq, (string Metric, long Milliseconds, double Value)[]? Clean);

    // ---- Generators: pieces of packs, from plausible to absurd. ----

    private static readonly Gen<string> Number = Gen.Frequency(
        (24, Gen.Double[-2000, 2000].Select(R)),
        (4, Gen.OneOf("1e308", "-1e308", "1.7976931348623157e308", "5e-324", "0", "-0", "1e-320", "1e400", "-1e400", "123456789012345678901234567890")),
        (1, Gen.OneOf("NaN", "Infinity", "-Infinity", "\"7\"", "true", "null", "[]", "{}", "1e", "-", "0x10", "01", "[[[[[1]]]]]")));

    /// <summary>
    /// A time as <c>bt</c> would carry it: around the hub's clock (in and out of the window; often one of a few
    /// whole minutes, so that packs meet on a key and conflict), relative, or absurd.
    /// </summary>
    private static readonly Gen<string> BaseTime = Gen.Frequency(
        (8, Gen.Int[1, 20].Select(minutes => R((NowMilliseconds - (minutes * 60_000L)) / 1000.0))),
        (8, Gen.Long[-40L * 86_400_000, 86_400_000].Select(offset => R((NowMilliseconds + offset) / 1000.0))),
        (3, Gen.Double[-1e6, 1e6].Select(R)),
        (3, Gen.OneOf("1e308", "-1e308", "-1e15", "253402300800", "253402300799.9996", "4102444800", "946684799.999", "0", "268435456", "268435455.999", "1e20")),
        (1, Gen.OneOf("\"now\"", "null", "true", "[1]")));

    private static readonly Gen<string> Offset = Gen.Frequency(
        (8, Gen.Int[-20, 20].Select(minutes => (minutes * 60).ToString(CultureInfo.InvariantCulture))),
        (4, Gen.Int[-3600, 3600].Select(s => s.ToString(CultureInfo.InvariantCulture))),
        (1, BaseTime));

    private static readonly Gen<string> MetricName = Gen.Frequency(
        (24, Gen.OneOf([.. MetricCatalogue.All.Select(m => m.Name)])),
        (2, Gen.OneOf("nitrate", "PM10", "pm10 ", "", "pm\n10", "pm\u2081\u2080", "a'b\\c", new string('x', 2000), new string('\u00e9', 2000), "-pm10", "urn:dev:moci:shk-river-01:ph", "urn:dev:moci:rrg-clean-01:pm10")),
        (1, Gen.String[0, 20]));

    private static readonly Gen<string?> Unit = Gen.Frequency(
        (5, Gen.Const((string?)null)),
        (5, Gen.OneOf<string?>([.. MetricCatalogue.All.SelectMany(m => m.Aliases.Select(a => a.Unit).Prepend(m.Unit)).Distinct()])),
        (2, Gen.OneOf<string?>("", "ug/m3\n[INFO] forged", "\u00b5g/m\u00b3", new string('\u00b5', 2000), "Cel\u001b[2J", "count")),
        (1, Gen.String[0, 12].Select(s => (string?)s)));

    private static readonly Gen<string> BaseName = Gen.OneOf(
        [.. GarbageStations.Select(s => $"urn:dev:moci:{s}:"), "urn:dev:moci:rrg-clean-01:", "urn:dev:moci:", "", "x y", "\u00e9"]);

    /// <summary>A record shaped like what a station sends, each field sometimes wrong.</summary>
    private static readonly Gen<string> ShapedRecord =
        from bn in Gen.Frequency((6, Gen.Const((string?)null)), (1, BaseName.Select(b => (string?)b)))
        from bt in Gen.Frequency((2, Gen.Const((string?)null)), (3, BaseTime.Select(t => (string?)t)))
        from name in MetricName
        from unit in Unit
        from value in Gen.Frequency((24, Number.Select(v => $"\"v\":{v}")), (1, Gen.OneOf("\"vs\":\"7\"", "\"vb\":true", "\"vd\":\"AAEC\"", "\"s\":5", "\"v\":1,\"v\":2", "")))
        from t in Gen.Frequency((3, Gen.Const((string?)null)), (2, Offset.Select(t => (string?)t)))
        from extra in Gen.Frequency((16, Gen.Const("")), (1, Gen.OneOf(",\"bver\":10", ",\"bver\":11", ",\"ext_\":1", ",\"foo\":{\"a\":[1]}", ",\"ut\":60", ",\"bu\":\"K\"", ",\"bv\":1e308", ",\"n\":\"pm10\"")))
        select "{" + string.Join(',', new[]
        {
            bn is null ? null : "\"bn\":" + Str(bn),
            bt is null ? null : "\"bt\":" + bt,
            "\"n\":" + Str(name),
            unit is null ? null : "\"u\":" + Str(unit),
            value.Length == 0 ? null : value,
            t is null ? null : "\"t\":" + t,
        }.Where(f => f is not null)) + extra + "}";

    private static readonly string[] Labels = ["bn", "bt", "bu", "bv", "bs", "bver", "n", "u", "v", "vs", "vb", "vd", "s", "t", "ut", "l", "foo", "x_", ""];

    /// <summary>Any labels with any values, duplicates included.</summary>
    private static readonly Gen<string> LabelSoup =
        Gen.Select(Gen.OneOf(Labels), Gen.Frequency((3, Number), (2, BaseTime), (2, MetricName.Select(Str))))
            .Array[0, 6]
            .Select(fields => "{" + string.Join(',', fields.Select(f => Str(f.Item1) + ":" + f.Item2)) + "}");

    private static readonly Gen<string> Pack =
        from records in Gen.Frequency((30, ShapedRecord), (1, LabelSoup), (1, Gen.OneOf("1", "\"x\"", "[]", "null"))).Array[0, 5]
        from shape in Gen.Frequency((30, Gen.Const("[{0}]")), (1, Gen.OneOf("{0}", "[{0}", "[{0}]]", "[{0}] []", "[[{0}]]", "{{\"a\":[{0}]}}", "")))
        select string.Format(CultureInfo.InvariantCulture, shape, string.Join(',', records));

    /// <summary>Byte-level damage: flipped bytes, truncation, inserted noise, or noise alone.</summary>
    private static Gen<byte[]> Mutate(byte[] bytes) => bytes.Length == 0
        ? Gen.Frequency((3, Gen.Const(bytes)), (1, Gen.Byte.Array[0, 32]))
        : Gen.Frequency(
            (24, Gen.Const(bytes)),
            (2, Gen.Select(Gen.Int[0, bytes.Length - 1], Gen.Byte).Array[1, 4].Select(flips =>
            {
                var copy = (byte[])bytes.Clone();
                foreach (var (at, value) in flips)
                {
                    copy[at] = value;
                }

                return copy;
            })),
            (2, Gen.Int[0, bytes.Length].Select(n => bytes[..n])),
            (1, Gen.Select(Gen.Int[0, bytes.Length], Gen.Byte.Array[1, 8]).Select(x => (byte[])[.. bytes[..x.Item1], .. x.Item2, .. bytes[x.Item1..]])),
            (1, Gen.Byte.Array[0, 64]));

    private static readonly Gen<string> GarbageTopic = Gen.Frequency(
        (20, Gen.OneOf(GarbageStations).Select(s => $"moci/v1/{s}/senml")),
        (1, Gen.OneOf(
            "moci/v1/unknown-1/senml", "moci/v1/rrg-school-01/ack", "moci/v1/Bad/senml", "moci/v1//senml", "", "x\n\u001b[2J",
            "moci/v1/rrg-school-01/senml/extra", "moci/v1/" + new string('a', 2000) + "/senml", "moci/v1/\u00e9/senml")));

    private static readonly Gen<string?> Sequence = Gen.OneOf<string?>(null, "1", "42", "-1", "abc", "99999999999999999999", "");

    private static readonly Gen<Message> Garbage =
        from topic in GarbageTopic
        from pack in Pack
        from payload in Mutate(Encoding.UTF8.GetBytes(pack))
        from seq in Sequence
        select new Message(topic, payload, seq, null);

    /// <summary>A well-formed pack of the clean station: up to all its metrics at one time inside the window.</summary>
    private static readonly Gen<Message> Clean =
        from metrics in Gen.Shuffle(CleanMetrics, 1, CleanMetrics.Length)
        from age in Gen.Long[60_000, 25L * 86_400_000]
        select CleanPack(metrics, NowMilliseconds - age);

    private static Message CleanPack(Metric[] metrics, long milliseconds)
    {
        // The value is a function of (metric, time), so two clean packs that meet on a key are duplicates, never conflicts.
        var readings = metrics.Select(m => (m.Name, milliseconds, ((milliseconds % 100_000) / 100.0) + Array.IndexOf(CleanMetrics, m))).ToArray();
        var records = readings.Select((r, i) => i == 0
            ? $$"""{"bn":"urn:dev:moci:{{IntakeHarness.CleanStation}}:","bt":{{R(milliseconds / 1000.0)}},"n":"{{r.Name}}","u":{{Str(metrics[i].Unit)}},"v":{{R(r.Item3)}}}"""
            : $$"""{"n":"{{r.Name}}","v":{{R(r.Item3)}}}""");
        return new Message($"moci/v1/{IntakeHarness.CleanStation}/senml", Encoding.UTF8.GetBytes("[" + string.Join(',', records) + "]"), "1", readings);
    }

    private static string Print(Message message) =>
        $"topic {LogText.Quote(message.Topic, 200)} seq {LogText.Quote(message.Seq)} payload {LogText.Quote(Encoding.UTF8.GetString(message.Payload), 2000)}";

    [Test]
    public async Task RandomAndMutatedPacks_NothingThrows_EveryMessageAccountedOnce_CleanPacksAllStored()
    {
        await using var hub = new IntakeHarness(Now, queueCapacity: 2 * Messages);
        await hub.StartAsync();
        var acknowledgements = new ConcurrentDictionary<long, int>();
        var expected = new ConcurrentDictionary<(string Metric, long Milliseconds), double>();
        long messages = 0, clean = 0, readings = 0, rejections = 0;

        Gen.Frequency((9, Garbage), (1, Clean)).Sample(
            message =>
            {
                var item = hub.Intake.Accept(message.Topic, new ReadOnlySequence<byte>(message.Payload), message.Seq, Now);

                CheckAccounting(message, item);
                if (message.Clean is { } sent)
                {
                    Assert.That(item.Rejections.Select(r => r.Letter.Reason), Is.Empty, "a clean pack is stored whole");
                    Assert.That(item.Readings.Select(r => (r.Metric, r.Timestamp.ToUnixTimeMilliseconds(), r.Value)), Is.EqualTo(sent));
                    foreach (var reading in sent)
                    {
                        expected[(reading.Metric, reading.Milliseconds)] = reading.Value;
                    }

                    Interlocked.Increment(ref clean);
                }

                var id = Interlocked.Increment(ref messages);
                Interlocked.Add(ref readings, item.Readings.Count);
                Interlocked.Add(ref rejections, item.Rejections.Count);
                var queued = hub.Queue.Writer.TryWrite(item with
                {
                    AcknowledgeDelivery = _ =>
                    {
                        acknowledgements.AddOrUpdate(id, 1, (_, count) => count + 1);
                        return Task.CompletedTask;
                    },
                });
                Assert.That(queued, Is.True);
            },
            iter: Messages,
            print: Print);

        await hub.StopAsync();

        var totals = hub.Counters.Snapshot();
        Assert.Multiple(() =>
        {
            Assert.That(hub.Writer.ExecuteTask, Is.Not.Null.And.Property(nameof(Task.Status)).EqualTo(TaskStatus.RanToCompletion), "the writer stopped cleanly");
            Assert.That(messages, Is.GreaterThanOrEqualTo(Messages));
            Assert.That(acknowledgements, Has.Count.EqualTo(messages), "every message is acknowledged");
            Assert.That(acknowledgements.Values, Has.All.EqualTo(1), "and only once");
            Assert.That(totals.ReadingsStored + totals.DuplicatesIgnored + totals.Conflicts, Is.EqualTo(readings), "each reading is stored, a duplicate or a conflict");
            Assert.That(totals.DeadLetters, Is.EqualTo(rejections + totals.Conflicts), "each rejection and each conflict is a dead letter");
            Assert.That(totals.Rejected.Values.Sum(), Is.EqualTo(rejections));
            Assert.That(totals.Rejected["internal_error"], Is.Zero, "no message made the hub fail");
        });
        // Beyond the dead-letter quota the oldest are dropped, and counted.
        Assert.That(await hub.DeadLetters.CountAsync() + await hub.DeadLetters.DroppedAsync(), Is.EqualTo(totals.DeadLetters));
        Assert.That(CountStoredRows(hub.DatabasePath), Is.EqualTo(totals.ReadingsStored));

        var stored = new Dictionary<(string, long), double>();
        foreach (var metric in CleanMetrics)
        {
            foreach (var reading in await hub.ReadAllAsync(IntakeHarness.CleanStation, metric.Name))
            {
                stored[(metric.Name, reading.Timestamp.ToUnixTimeMilliseconds())] = reading.Value;
            }
        }

        Assert.That(clean, Is.GreaterThan(Messages / 20), "clean packs were sent among the garbage");
        // Compared by hand: NUnit's equivalence of two dictionaries is quadratic in their size.
        var missing = expected.Where(e => !stored.TryGetValue(e.Key, out var value) || !value.Equals(e.Value)).Take(5).ToList();
        Assert.That(missing, Is.Empty, "every clean reading is stored as sent");
        Assert.That(stored, Has.Count.EqualTo(expected.Count), "and nothing else for that station");
        TestContext.Out.WriteLine(
            $"{messages} messages ({clean} clean): {totals.ReadingsStored} stored, {totals.DuplicatesIgnored} duplicates, {totals.Conflicts} conflicts, " +
            $"{totals.DeadLetters} dead letters in {totals.BatchesCommitted} batches; rejected: " +
            string.Join(", ", totals.Rejected.Where(r => r.Value > 0).Select(r => $"{r.Key} {r.Value}")));
    }

    /// <summary>One message: either read as a pack, with each record a reading or a rejection, or rejected whole.</summary>
    private static void CheckAccounting(Message message, IntakeItem item)
    {
        IReadOnlyList<SenMLRecord> records = [];
        var readable = WireTopics.TryParse(message.Topic, out var station, out var kind) && kind == TopicKind.Readings &&
                       GarbageStations.Append(IntakeHarness.CleanStation).Contains(station) &&
                       SenMLDecoder.TryDecode(message.Payload, Now, out records, out _);
        if (readable)
        {
            Assert.That(item.Readings.Count + item.Rejections.Count, Is.EqualTo(records.Count), "each record is a reading or a rejection");
            Assert.That(item.Rejections.Select(r => r.Kind), Has.None.AnyOf(RejectionKind.BadTopic, RejectionKind.Unregistered, RejectionKind.InvalidPack));
        }
        else
        {
            Assert.That(item.Readings, Is.Empty);
            Assert.That(item.Rejections, Has.Count.EqualTo(1), "a message that cannot be read is one dead letter");
        }

        foreach (var reading in item.Readings)
        {
            Assert.That(double.IsFinite(reading.Value), Is.True, "a stored value is finite");
            Assert.That(reading.Timestamp, Is.InRange(Now - TimeRules.DefaultBackfillWindow, Now + TimeRules.DefaultFutureTolerance), "a stored time is inside the window");
        }

        foreach (var letter in item.DeadLetters)
        {
            Assert.That(letter.Reason, Has.Length.InRange(1, 1000), "a reason quotes only a prefix of what the sender sent");
            Assert.That(letter.Topic, Has.Length.LessThanOrEqualTo(1000));
            Assert.That(letter.Reason + letter.Topic, Has.None.Matches<char>(c => char.IsControl(c) || c is '\u2028' or '\u2029'), "no reason or topic can break a log line");
        }
    }

    private static long CountStoredRows(string databasePath)
    {
        using var connection = new SqliteConnection($"Data Source={databasePath};Mode=ReadOnly;Pooling=False");
        connection.Open();
        using var command = connection.CreateCommand();
        command.CommandText = "SELECT count(*) FROM readings";
        return (long)command.ExecuteScalar()!;
    }
}
