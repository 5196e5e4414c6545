using System.Buffers;
using System.Text;
using Moci.Ingest.Intake;
using Moci.Ingest.Options;
using Moci.Ingest.Stations;
using Moci.Ingest.Tests.Support;
using Moci.Telemetry.Protocol;
using Moci.Telemetry.Readings;
using Moci.Telemetry.SenML;
using Moci.Telemetry.Stations;
using MsOptions = Microsoft.Extensions.Options.Options;

namespace Moci.Ingest.Tests.Intake;

public sealed class MessageIntakeTests
{
    private static readonly DateTimeOffset Now = new(2026, 11, 25, 12, 0, 0, TimeSpan.Zero);
    private const double T = 1_795_608_000; // 2026-11-25T12:00:00Z, the hub's clock in these tests
    private const string AirTopic = "moci/v1/rrg-school-01/senml";

    private static readonly StationRegistry Registry = TestRegistry.Create(
        new StationOptions { Id = "rrg-school-01", Kind = StationKind.Air },
        new StationOptions { Id = "shk-river-01", Kind = StationKind.Water });

    private static readonly MessageIntake Intake = new(Registry, MsOptions.Create(new IntakeOptions()));

    private static IntakeItem Accept(string topic, string json, string? seq = "7", MessageIntake? intake = null) =>
        (intake ?? Intake).Accept(topic, new ReadOnlySequence<byte>(Encoding.UTF8.GetBytes(json)), seq, Now);

    private static Rejection SingleRejection(IntakeItem item)
    {
        Assert.That(item.Readings, Is.Empty);
        Assert.That(item.Rejections, Has.Count.EqualTo(1));
        return item.Rejections[0];
    }

    [Test]
    public void Accept_ValidPack_GivesReadingsAndSequence()
    {
        var item = Accept(AirTopic, $$"""[{"bn":"urn:dev:moci:rrg-school-01:","bt":{{T}},"n":"pm2_5","u":"ug/m3","v":12.5},{"n":"pm10","u":"ug/m3","v":20}]""");

        Assert.Multiple(() =>
        {
            Assert.That(item.StationId, Is.EqualTo("rrg-school-01"));
            Assert.That(item.Sequence, Is.EqualTo(7));
            Assert.That(item.DeadLetters, Is.Empty);
            Assert.That(item.Readings, Is.EqualTo(new[]
            {
                new Reading("rrg-school-01", "pm2_5", DateTimeOffset.FromUnixTimeSeconds((long)T), 12.5),
                new Reading("rrg-school-01", "pm10", DateTimeOffset.FromUnixTimeSeconds((long)T), 20),
            }));
        });
    }

    [Test]
    public void Accept_UnregisteredStation_DeadLettersTheWholeMessageAndKeepsSequence()
    {
        var json = """[{"n":"pm10","v":1}]""";
        var item = Accept("moci/v1/unknown-1/senml", json);

        Assert.That(item.Sequence, Is.EqualTo(7), "a dead-lettered batch is still acknowledged: it is kept");
        var rejection = SingleRejection(item);
        Assert.That(rejection.Kind, Is.EqualTo(RejectionKind.Unregistered));
        Assert.That(rejection.Letter.Reason, Does.Contain("station 'unknown-1' is not registered"));
        Assert.That(Encoding.UTF8.GetString(rejection.Letter.Payload), Is.EqualTo(json));
        Assert.That(rejection.Letter.ReceivedAt, Is.EqualTo(Now));
    }

    [Test]
    public void Accept_InvalidSenML_DeadLettersWithTheDecoderReason()
    {
        var rejection = SingleRejection(Accept(AirTopic, """{"pm10": 3}"""));

        Assert.That(rejection.Kind, Is.EqualTo(RejectionKind.InvalidPack));
        Assert.That(rejection.Letter.Reason, Does.StartWith("invalid SenML pack: a SenML pack must be a JSON array"));
        Assert.That(rejection.Letter.StationId, Is.EqualTo("rrg-school-01"));
    }

    [Test]
    public void Accept_PackWithSomeBadRecords_StoresTheGoodAndDeadLettersEachBadOne()
    {
        var item = Accept(AirTopic, $$"""[{"bn":"urn:dev:moci:rrg-school-01:","bt":{{T}},"n":"pm10","v":20},{"n":"nitrate","v":3},{"n":"pm2_5","u":"Cel","v":3}]""");

        Assert.That(item.Readings.Select(r => r.Metric), Is.EqualTo(new[] { "pm10" }));
        Assert.That(item.DeadLetters.Select(l => l.Reason), Has.Exactly(1).Contains("unknown metric 'nitrate'").And.Exactly(1).Contains("unit 'Cel'"));
        Assert.That(item.Rejections.Select(r => r.Kind), Is.EqualTo(new[] { RejectionKind.UnknownMetric, RejectionKind.BadUnit }));
        Assert.That(Encoding.UTF8.GetString(item.DeadLetters[0].Payload), Does.Contain("urn:dev:moci:rrg-school-01:nitrate"));
    }

    [Test]
    public void Accept_RejectedRecord_IsKeptAsASenMLPackOfThatRecordAlone()
    {
        var item = Accept(AirTopic, $$"""[{"bn":"urn:dev:moci:rrg-school-01:","bt":{{T}},"n":"pm10","v":20},{"n":"nitrate","u":"mg/L","v":3.25,"t":-60}]""");

        var ok = SenMLDecoder.TryDecode(item.DeadLetters.Single().Payload, Now, out var records, out var error);

        Assert.That(ok, Is.True, error);
        Assert.That(records.Single(), Is.EqualTo(new SenMLRecord("urn:dev:moci:rrg-school-01:nitrate", "mg/L", 3.25, Time: T - 60)));
    }

    [Test]
    public void Accept_TopicOfNoStation_DeadLettersWithoutStation()
    {
        var rejection = SingleRejection(Accept("moci/v1/Not_A_Station/senml", "[]"));

        Assert.That(rejection.Letter.StationId, Is.Null);
        Assert.That(rejection.Kind, Is.EqualTo(RejectionKind.BadTopic));
        Assert.That(rejection.Letter.Reason, Does.Contain("is not a readings topic"));
    }

    [Test]
    public void Accept_TopicWithControlCharacters_IsEscapedInTheReasonAndTheDeadLetterTopic()
    {
        var topic = "moci/v1/x\n2026-11-25 INFO forged line/senml" + new string('z', 1000);

        var letter = SingleRejection(Accept(topic, "[]")).Letter;

        Assert.That(letter.Reason, Does.StartWith(@"'moci/v1/x\u000A2026-11-25 INFO forged line/senml"));
        Assert.That(letter.Reason, Has.Length.LessThan(200));
        Assert.That(letter.Topic, Does.StartWith(@"moci/v1/x\u000A2026"));
        Assert.That(letter.Topic, Has.Length.LessThan(200));
        Assert.That(letter.Reason + letter.Topic, Has.All.InRange(' ', '~'));
    }

    [TestCase(null)]
    [TestCase("seven")]
    [TestCase("-1")]
    public void Accept_MissingOrMalformedSequence_StoresReadingsWithoutSequence(string? seq)
    {
        var item = Accept(AirTopic, $$"""[{"n":"pm10","v":7,"t":{{T}}}]""", seq);

        Assert.That(item.Sequence, Is.Null);
        Assert.That(item.Readings, Has.Count.EqualTo(1));
    }

    // Seen from a hostile client: these were acknowledged to the broker, then neither stored, dead-lettered,
    // acknowledged to the station nor logged, because converting the time threw.
    [TestCase("1e308", RejectionKind.Future)]
    [TestCase("-1e15", RejectionKind.Before2000)]
    [TestCase("253402300800", RejectionKind.Future)]
    public void Accept_AbsurdBaseTime_DeadLettersTheRecordWithReasonAndKeepsSequence(string baseTime, RejectionKind kind)
    {
        var item = Accept(AirTopic, $$"""[{"bn":"urn:dev:moci:rrg-school-01:","bt":{{baseTime}},"n":"pm10","v":20}]""");

        var rejection = SingleRejection(item);
        Assert.That(rejection.Kind, Is.EqualTo(kind));
        Assert.That(rejection.Letter.Reason, Does.StartWith("'pm10': time "));
        Assert.That((item.StationId, item.Sequence), Is.EqualTo(("rrg-school-01", (long?)7)));
    }

    [Test]
    public void Accept_TimeThatOverflowsToInfinity_KeepsTheWholeMessage()
    {
        var json = """[{"bn":"urn:dev:moci:rrg-school-01:","bt":1e308,"n":"pm10","v":20,"t":1e308}]""";

        var rejection = SingleRejection(Accept(AirTopic, json));

        Assert.That(rejection.Kind, Is.EqualTo(RejectionKind.Future));
        Assert.That(Encoding.UTF8.GetString(rejection.Letter.Payload), Is.EqualTo(json));
    }

    // Seen from a hostile client: finite as sent, +Infinity once converted from kg/m3, and stored so.
    [Test]
    public void Accept_ValueInfiniteAfterUnitConversion_DeadLettersTheRecord()
    {
        var rejection = SingleRejection(Accept(AirTopic, $$"""[{"bn":"urn:dev:moci:rrg-school-01:","bt":{{T}},"n":"pm2_5","u":"kg/m3","v":1e308}]"""));

        Assert.That(rejection.Kind, Is.EqualTo(RejectionKind.NonFinite));
        Assert.That(rejection.Letter.Reason, Does.Contain("not a finite number in ug/m3"));
    }

    // Seen from a hostile client: a year-2100 reading was stored (flagged) and stayed "latest" for ever.
    [Test]
    public void Accept_ReadingInTheYear2100_DeadLettersTheRecord()
    {
        var rejection = SingleRejection(Accept(AirTopic, """[{"bn":"urn:dev:moci:rrg-school-01:","bt":4102444800,"n":"pm10","v":20}]"""));

        Assert.That(rejection.Kind, Is.EqualTo(RejectionKind.Future));
        Assert.That(rejection.Letter.Reason, Does.Contain("time 2100-01-01T00:00:00.000Z is in the future"));
    }

    [Test]
    public void Accept_TimeRules_ComeFromTheOptions()
    {
        var intake = new MessageIntake(Registry, MsOptions.Create(new IntakeOptions
        {
            FutureTolerance = TimeSpan.FromSeconds(10),
            BackfillWindow = TimeSpan.FromHours(1),
        }));

        var item = Accept(AirTopic, $$"""[{"bn":"urn:dev:moci:rrg-school-01:","bt":{{T}},"n":"pm10","v":1,"t":11},{"n":"pm10","v":2,"t":-3601},{"n":"pm10","v":3,"t":10},{"n":"pm10","v":4,"t":-3600}]""", intake: intake);

        Assert.That(item.Readings.Select(r => r.Value), Is.EqualTo(new[] { 3.0, 4.0 }));
        Assert.That(item.Rejections.Select(r => r.Kind), Is.EqualTo(new[] { RejectionKind.Future, RejectionKind.TooOld }));
        Assert.That(item.Rejections[0].Letter.Reason, Does.Contain("more than 10 seconds ahead"));
        Assert.That(item.Rejections[1].Letter.Reason, Does.Contain("backfill window of 1 hour"));
    }

    [Test]
    public void Accept_RelativeTime_IsStoredFlaggedClockSuspect()
    {
        var item = Accept(AirTopic, """[{"n":"pm10","v":7,"t":-30}]""");

        Assert.That(item.Readings.Single(), Is.EqualTo(new Reading("rrg-school-01", "pm10", Now.AddSeconds(-30), 7, QaFlags.ClockSuspect)));
    }

    [Test]
    public void Accept_MetricTheStationKindDoesNotMeasure_DeadLettersNamingBoth()
    {
        var item = Accept(AirTopic, $$"""[{"n":"ph","v":7,"t":{{T}}},{"n":"battery_voltage","v":12.6,"t":{{T}}}]""");

        Assert.That(item.Readings.Select(r => r.Metric), Is.EqualTo(new[] { "battery_voltage" }));
        Assert.That(item.Rejections.Single().Kind, Is.EqualTo(RejectionKind.WrongKind));
        Assert.That(item.DeadLetters.Single().Reason, Is.EqualTo("'ph' is a water metric; station 'rrg-school-01' is an air station"));
    }

    [Test]
    public void Accept_FailureOfTheHubWhileReading_BecomesAnInternalErrorDeadLetterAndKeepsStationAndSequence()
    {
        // A payload buffer whose end segment cannot be reached: reading it throws, as a defect would.
        var first = new Segment("[{\"n\":\"pm10\",\"v\":1"u8.ToArray(), 0);
        var unreachable = new Segment("}]"u8.ToArray(), 100);

        var item = Intake.Accept(AirTopic, new ReadOnlySequence<byte>(first, 0, unreachable, 2), "7", Now);

        var rejection = SingleRejection(item);
        Assert.That(rejection.Kind, Is.EqualTo(RejectionKind.InternalError));
        Assert.That(rejection.Letter.Reason, Does.StartWith("internal error of the hub while reading the message (InvalidOperationException"));
        Assert.That(rejection.Letter.Reason, Does.Not.Contain("\n"));
        Assert.That((item.StationId, item.Sequence), Is.EqualTo(("rrg-school-01", (long?)7)));
    }

    private sealed class Segment : ReadOnlySequenceSegment<byte>
    {
        public Segment(byte[] bytes, long runningIndex)
        {
            Memory = bytes;
            RunningIndex = runningIndex;
        }
    }
}
