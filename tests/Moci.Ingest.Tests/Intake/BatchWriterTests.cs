using System.Text;
using Moci.Ingest.Intake;
using Moci.Ingest.Storage;
using Moci.Ingest.Tests.Support;
using Moci.Telemetry.Readings;
using Moci.Telemetry.SenML;

namespace Moci.Ingest.Tests.Intake;

public sealed class BatchWriterTests
{
    private static readonly DateTimeOffset Now = new(2026, 11, 25, 12, 0, 0, TimeSpan.Zero);
    private const long T = 1_795_604_400; // 2026-11-25T11:00:00Z

    private static string Pm10(double value, string station = IntakeHarness.AirStation) =>
        $$"""[{"bn":"urn:dev:moci:{{station}}:","bt":{{T}},"n":"pm10","u":"ug/m3","v":{{value}}}]""";

    // Seen from a hostile client: a second, different value for a stored (station, metric, time) was dropped
    // without a trace.
    [Test]
    public async Task SecondDifferentValueForAStoredKey_KeepsTheFirstAndDeadLettersTheNewcomer()
    {
        await using var hub = new IntakeHarness(Now);
        await hub.StartAsync();

        await hub.SubmitAsync(IntakeHarness.AirStation, Pm10(31.5), seq: "1");
        await hub.SubmitAsync(IntakeHarness.AirStation, Pm10(40), seq: "2");

        var letter = (await hub.DeadLetters.ListAsync(IntakeHarness.AirStation)).Single();
        var totals = hub.Counters.Snapshot();
        Assert.That((await hub.ReadAllAsync(IntakeHarness.AirStation, "pm10")).Select(r => r.Value), Is.EqualTo(new[] { 31.5 }));
        Assert.That(letter.Reason, Is.EqualTo(
            "conflict: 'pm10' at 2026-11-25T11:00:00.000Z is already stored as 31.5; the new value 40 is not stored (the first value of a station, metric and time stays)"));
        Assert.That(letter.Topic, Is.EqualTo("moci/v1/rrg-school-01/senml"));
        Assert.That(SenMLDecoder.TryDecode(letter.Payload, Now, out var records, out var error), Is.True, error);
        Assert.That(records.Single(), Is.EqualTo(new SenMLRecord("urn:dev:moci:rrg-school-01:pm10", "ug/m3", 40, Time: T)));
        Assert.That((totals.ReadingsStored, totals.DuplicatesIgnored, totals.Conflicts, totals.DeadLetters), Is.EqualTo((1, 0, 1, 1)));
    }

    [Test]
    public async Task SameValueAgain_IsADuplicateAndNoDeadLetter()
    {
        await using var hub = new IntakeHarness(Now);
        await hub.StartAsync();

        await hub.SubmitAsync(IntakeHarness.AirStation, Pm10(31.5));
        await hub.SubmitAsync(IntakeHarness.AirStation, Pm10(31.5));

        var totals = hub.Counters.Snapshot();
        Assert.That((totals.ReadingsStored, totals.DuplicatesIgnored, totals.Conflicts, totals.DeadLetters), Is.EqualTo((1, 1, 0, 0)));
        Assert.That(await hub.DeadLetters.CountAsync(), Is.Zero);
    }

    [Test]
    public async Task ConflictWithinOneBatch_KeepsTheFirstMessageAndDeadLettersTheOther()
    {
        await using var hub = new IntakeHarness(Now);
        hub.Enqueue(IntakeHarness.AirStation, Pm10(12), out var first);
        hub.Enqueue(IntakeHarness.AirStation, Pm10(13), out var second);

        await hub.StartAsync();
        await Task.WhenAll(first, second).WaitAsync(TimeSpan.FromSeconds(20));

        var totals = hub.Counters.Snapshot();
        Assert.That(totals.BatchesCommitted, Is.EqualTo(1), "both messages were waiting, so one transaction took them");
        Assert.That((await hub.ReadAllAsync(IntakeHarness.AirStation, "pm10")).Single().Value, Is.EqualTo(12));
        Assert.That((await hub.DeadLetters.ListAsync()).Single().Reason, Does.StartWith("conflict: 'pm10' at 2026-11-25T11:00:00.000Z is already stored as 12; the new value 13"));
        Assert.That(totals.Conflicts, Is.EqualTo(1));
    }

    [Test]
    public async Task Rejections_AreCountedByKindWhenCommitted()
    {
        await using var hub = new IntakeHarness(Now);
        await hub.StartAsync();

        await hub.SubmitAsync(IntakeHarness.AirStation, $$"""[{"bn":"urn:dev:moci:rrg-school-01:","bt":{{T}},"n":"ph","v":7},{"n":"pm10","v":1,"t":86400},{"n":"pm10","v":2,"t":-8640000},{"n":"pm10","v":3}]""");
        await hub.SubmitAsync(IntakeHarness.AirStation, "not json");
        await hub.SubmitAsync("unknown-9", "[]");

        var totals = hub.Counters.Snapshot();
        Assert.That(totals.Rejected.Where(r => r.Value > 0), Is.EquivalentTo(new Dictionary<string, long>
        {
            ["wrong_kind"] = 1,
            ["future"] = 1,
            ["too_old"] = 1,
            ["invalid_pack"] = 1,
            ["unregistered"] = 1,
        }));
        Assert.That(totals.Rejected.Keys, Does.Contain("internal_error").And.Contain("before_2000"), "every kind is reported, zero or not");
        Assert.That((totals.ReadingsStored, totals.DeadLetters), Is.EqualTo((1, 5)));
        Assert.That(await hub.DeadLetters.CountAsync(), Is.EqualTo(5));
    }

    [Test]
    public void ConflictLetter_DifferentFlags_NamesThem()
    {
        var at = Now.AddHours(-1);
        var conflict = new ReadingConflict(
            new Reading("rrg-school-01", "humidity", at, 101, QaFlags.OutOfRange),
            new Reading("rrg-school-01", "humidity", at, 101, QaFlags.OutOfRange | QaFlags.ClockSuspect));

        var letter = BatchWriter.ConflictLetter(conflict, Now);

        Assert.That(letter.Reason, Does.StartWith(
            "conflict: 'humidity' at 2026-11-25T11:00:00.000Z is already stored as 101 (flags: out_of_range); the new value 101 (flags: out_of_range, clock_suspect) is not stored"));
        Assert.That(Encoding.UTF8.GetString(letter.Payload), Is.EqualTo("""[{"n":"urn:dev:moci:rrg-school-01:humidity","u":"%RH","v":101,"t":1795604400}]"""));
        Assert.That((letter.StationId, letter.ReceivedAt), Is.EqualTo(("rrg-school-01", Now)));
    }
}
