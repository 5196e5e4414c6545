using System.Buffers;
using System.Collections.Concurrent;
using CsCheck;
using Microsoft.Data.Sqlite;
using Moci.Ingest.Intake;
using Moci.Ingest.Tests.Support;
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

    private static readonly string[] GarbageStations = [IntakeHarness.AirStation, IntakeHarness.WaterStation, IntakeHarness.MobileStation];

    private static readonly HostilePacks Packs = new(Now, GarbageStations, IntakeHarness.CleanStation);

    [Test]
    public async Task RandomAndMutatedPacks_NothingThrows_EveryMessageAccountedOnce_CleanPacksAllStored()
    {
        await using var hub = new IntakeHarness(Now, queueCapacity: 2 * Messages);
        await hub.StartAsync();
        var acknowledgements = new ConcurrentDictionary<long, int>();
        var expected = new ConcurrentDictionary<(string Metric, long Milliseconds), double>();
        long messages = 0, clean = 0, readings = 0, rejections = 0;

        Gen.Frequency((9, Packs.Garbage), (1, Packs.Clean)).Sample(
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
            print: HostilePacks.Print);

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
        foreach (var metric in Packs.CleanMetrics)
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
    private static void CheckAccounting(PackMessage message, IntakeItem item)
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
