using System.Text;
using Microsoft.Extensions.Time.Testing;
using Moci.Kit.Options;
using Moci.Kit.Publishing;
using Moci.Kit.Tests.Support;
using Moci.Telemetry.Protocol;
using Moci.Telemetry.Readings;

namespace Moci.Kit.Tests.Publishing;

/// <summary>The outbox on a real SQLite file in a temp folder, closed and opened again as a restart would.</summary>
public sealed class OutboxTests
{
    private const string Station = "rrg-school-01";
    private static readonly DateTimeOffset T0 = new(2026, 11, 25, 8, 0, 0, TimeSpan.Zero);

    private TempDirectory _folder = null!;
    private FakeTimeProvider _time = null!;

    [SetUp]
    public void CreateFolder()
    {
        _folder = new TempDirectory();
        _time = new FakeTimeProvider(T0);
    }

    [TearDown]
    public void DeleteFolder() => _folder.Dispose();

    private Outbox Open(long quotaBytes = OutboxOptions.DefaultQuotaBytes) =>
        new(_folder.File("outbox.db"), Station, quotaBytes, _time);

    private static List<Reading> Minutes(int from, int count) =>
        [.. Enumerable.Range(from, count).Select(m => new Reading(Station, "pm2_5", T0.AddMinutes(m), m))];

    [Test]
    public void Reopen_KeepsEveryReadingNotAcknowledged_OldestFirst()
    {
        using (var outbox = Open())
        {
            outbox.Add(Minutes(0, 3));
            outbox.Add(Minutes(3, 2));
            var batch = outbox.NextBatch(2, 64 * 1024)!;
            outbox.Acknowledge([batch.Sequence]);
        }

        using var reopened = Open();

        Assert.That(reopened.ReadingsWaiting, Is.EqualTo(3));
        Assert.That(reopened.ReadWaiting(), Is.EqualTo(Minutes(2, 3)));
    }

    [Test]
    public void Reopen_SequenceContinuesPastEveryNumberUsedBefore()
    {
        long lastBefore;
        using (var outbox = Open())
        {
            outbox.Add(Minutes(0, 4));
            _ = outbox.NextBatch(1, 64 * 1024);
            lastBefore = outbox.NextBatch(1, 64 * 1024)!.Sequence;
        }

        using var reopened = Open();
        var first = reopened.NextBatch(10, 64 * 1024)!;

        Assert.That(first.Sequence, Is.GreaterThan(lastBefore));
        Assert.That(first.Readings, Is.EqualTo(4), "the unacknowledged readings go out again in a new batch");
    }

    [Test]
    public void Acknowledge_FromAnEarlierRun_DeletesNothing()
    {
        long earlier;
        using (var outbox = Open())
        {
            outbox.Add(Minutes(0, 5));
            earlier = outbox.NextBatch(5, 64 * 1024)!.Sequence;
        }

        using var reopened = Open();
        reopened.Add(Minutes(5, 5));
        var current = reopened.NextBatch(3, 64 * 1024)!;
        var removed = reopened.Acknowledge([earlier, earlier + 1, earlier - 1]);

        Assert.That(removed, Is.Zero);
        Assert.That(current.Sequence, Is.Not.EqualTo(earlier));
        Assert.That(reopened.ReadingsWaiting, Is.EqualTo(10));
        Assert.That(reopened.ReadWaiting(), Is.EqualTo(Minutes(0, 10)));
    }

    [Test]
    public void Acknowledge_RemovesOnlyThatBatch_NotTheOnesBeforeIt()
    {
        using var outbox = Open();
        outbox.Add(Minutes(0, 6));
        var batches = Enumerable.Range(0, 3).Select(_ => outbox.NextBatch(2, 64 * 1024)!).ToList();

        var removed = outbox.Acknowledge([batches[1].Sequence]);

        Assert.That(removed, Is.EqualTo(1));
        Assert.That(outbox.ReadWaiting(), Is.EqualTo(Minutes(0, 2).Concat(Minutes(4, 2))));
        Assert.That(outbox.ReadingsAcknowledged, Is.EqualTo(2));
        Assert.That(outbox.Due(T0, TimeSpan.Zero).Select(b => b.Sequence), Is.EqualTo(new[] { batches[0].Sequence, batches[2].Sequence }));
    }

    [Test]
    public void Acknowledge_Repeated_DeletesNothingMore()
    {
        using var outbox = Open();
        outbox.Add(Minutes(0, 2));
        var batch = outbox.NextBatch(1, 64 * 1024)!;
        outbox.Acknowledge([batch.Sequence]);

        var again = outbox.Acknowledge([batch.Sequence]);

        Assert.That(again, Is.Zero);
        Assert.That(outbox.ReadingsWaiting, Is.EqualTo(1));
    }

    [Test]
    public void NextBatch_TakesTheOldestReadings_NoMoreThanMaxReadings_ThenNull()
    {
        using var outbox = Open();
        outbox.Add(Minutes(0, 5));

        var first = outbox.NextBatch(3, 64 * 1024)!;
        var second = outbox.NextBatch(3, 64 * 1024)!;
        var none = outbox.NextBatch(3, 64 * 1024);

        Assert.That((first.Readings, second.Readings), Is.EqualTo((3, 2)));
        Assert.That(second.Sequence, Is.EqualTo(first.Sequence + 1));
        Assert.That(none, Is.Null);
        Assert.That(outbox.BatchesInFlight, Is.EqualTo(2));
    }

    [Test]
    public void NextBatch_PackLargerThanMaxBytes_CarriesFewerReadings()
    {
        using var outbox = Open();
        outbox.Add(Minutes(0, 2_000));

        var batch = outbox.NextBatch(2_000, 8 * 1024)!;

        Assert.That(batch.Payload, Has.Length.LessThanOrEqualTo(8 * 1024));
        Assert.That(batch.Readings, Is.InRange(2, 1_999));
    }

    [Test]
    public void NextBatch_PackLargerThanMaxBytes_CarriesAsManyReadingsAsFit()
    {
        using var outbox = Open();
        outbox.Add(Minutes(0, 2_000));

        var batch = outbox.NextBatch(2_000, 8 * 1024)!;

        var sent = outbox.ReadWaiting().Take(batch.Readings + 1).ToList();
        Assert.That(StationPack.Encode(Station, sent[..^1]), Is.EqualTo(batch.Payload));
        Assert.That(StationPack.Encode(Station, sent), Has.Length.GreaterThan(8 * 1024), "one reading more would not have fitted");
    }

    [Test]
    public void NextBatch_Payload_IsTheStationPackOfItsReadings()
    {
        using var outbox = Open();
        List<Reading> readings =
        [
            new(Station, "pm2_5", T0.AddSeconds(30), 12.25),
            new(Station, "temperature", T0, -3.5, QaFlags.ClockSuspect),
            new(Station, "pressure", T0.AddMilliseconds(60_456), 1013.2, QaFlags.OutOfRange),
            new(Station, "humidity", T0.AddHours(1), 55),
        ];
        outbox.Add(readings);

        var batch = outbox.NextBatch(10, 64 * 1024)!;

        Assert.That(batch.Readings, Is.EqualTo(4));
        Assert.That(Encoding.UTF8.GetString(batch.Payload), Is.EqualTo(Encoding.UTF8.GetString(StationPack.Encode(Station, readings))));
    }

    [Test]
    public void Add_BeyondTheQuota_DropsExactlyTheOldestExcessAndCountsIt()
    {
        const int excess = 137;
        using var outbox = Open(OutboxOptions.MinQuotaBytes);
        var capacity = (int)outbox.Capacity;
        outbox.Add(Minutes(0, capacity - 10));

        outbox.Add(Minutes(capacity - 10, 10 + excess));

        Assert.That(outbox.ReadingsDropped, Is.EqualTo(excess));
        Assert.That(outbox.ReadingsWaiting, Is.EqualTo(capacity));
        var waiting = outbox.ReadWaiting();
        Assert.That(waiting[0], Is.EqualTo(Minutes(excess, 1)[0]), "the oldest left is the first not dropped");
        Assert.That(waiting[^1], Is.EqualTo(Minutes(capacity + excess - 1, 1)[0]), "the newest is kept");
    }

    [Test]
    public void Reopen_KeepsTheDroppedCount()
    {
        using (var outbox = Open(OutboxOptions.MinQuotaBytes))
        {
            outbox.Add(Minutes(0, (int)outbox.Capacity + 5));
        }

        using var reopened = Open(OutboxOptions.MinQuotaBytes);

        Assert.That(reopened.ReadingsDropped, Is.EqualTo(5));
        Assert.That(reopened.Statistics().Dropped, Is.EqualTo(5));
    }

    [Test]
    public void Statistics_ReportsDepthOldestAgeDroppedAndBytes()
    {
        using var outbox = Open();
        outbox.Add(Minutes(0, 30));
        _time.Advance(TimeSpan.FromHours(2));

        var statistics = outbox.Statistics();

        Assert.That(statistics.Readings, Is.EqualTo(30));
        Assert.That(statistics.Oldest, Is.EqualTo(T0));
        Assert.That(statistics.OldestAge, Is.EqualTo(TimeSpan.FromHours(2)));
        Assert.That(statistics.Dropped, Is.Zero);
        Assert.That(statistics.Bytes, Is.GreaterThan(0));
    }

    [Test]
    public void Statistics_Empty_HasNoOldest()
    {
        using var outbox = Open();

        var statistics = outbox.Statistics();

        Assert.That((statistics.Readings, statistics.Oldest, statistics.OldestAge), Is.EqualTo((0L, (DateTimeOffset?)null, (TimeSpan?)null)));
    }

    [Test]
    public void Add_ReadingOfAnotherStationOrUnknownMetric_RefusesThatOne_StoresTheRest()
    {
        using var outbox = Open();
        List<Reading> readings =
        [
            new(Station, "pm2_5", T0, 1),
            new("other-station", "pm2_5", T0, 2),
            new(Station, "radon", T0, 3),
            new(Station, "pm10", T0, double.NaN),
        ];

        var error = Assert.Throws<ArgumentException>(() => outbox.Add(readings));

        Assert.That(error!.Message, Does.Contain("3 of 4 readings refused").And.Contain("other-station").And.Contain("unknown metric").And.Contain("finite"));
        Assert.That(outbox.ReadWaiting(), Is.EqualTo(readings.Take(1)));
    }

    [Test]
    public void Open_FileOfAnotherStation_IsRefusedNamingBoth()
    {
        using (Open())
        {
        }

        var error = Assert.Throws<InvalidOperationException>(() => new Outbox(_folder.File("outbox.db"), "other-station", OutboxOptions.DefaultQuotaBytes, _time));

        Assert.That(error!.Message, Does.Contain("rrg-school-01").And.Contain("other-station"));
    }
}
