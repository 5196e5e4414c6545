using System.Buffers;
using System.Text;
using Moci.Ingest.Intake;
using Moci.Ingest.Stations;
using Moci.Ingest.Tests.Support;
using Moci.Telemetry.Readings;

namespace Moci.Ingest.Tests.Intake;

public sealed class MessageIntakeTests
{
    private static readonly DateTimeOffset Now = new(2026, 11, 25, 12, 0, 0, TimeSpan.Zero);
    private const double T = 1_764_072_000; // 2025-11-25T12:00:00Z

    private static readonly MessageIntake Intake = new(TestRegistry.Create(new StationOptions { Id = "rrg-school-01" }));

    private static IntakeItem Accept(string topic, string json, string? seq = "7") =>
        Intake.Accept(topic, new ReadOnlySequence<byte>(Encoding.UTF8.GetBytes(json)), seq, Now);

    [Test]
    public void Accept_ValidPack_GivesReadingsAndSequence()
    {
        var item = Accept("moci/v1/rrg-school-01/senml", $$"""[{"bn":"urn:dev:moci:rrg-school-01:","bt":{{T}},"n":"pm2_5","u":"ug/m3","v":12.5},{"n":"pm10","u":"ug/m3","v":20}]""");

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

        Assert.That(item.Readings, Is.Empty);
        Assert.That(item.Sequence, Is.EqualTo(7), "a dead-lettered batch is still acknowledged: it is kept");
        var letter = item.DeadLetters.Single();
        Assert.That(letter.Reason, Does.Contain("station 'unknown-1' is not registered"));
        Assert.That(Encoding.UTF8.GetString(letter.Payload), Is.EqualTo(json));
        Assert.That(letter.ReceivedAt, Is.EqualTo(Now));
    }

    [Test]
    public void Accept_InvalidSenML_DeadLettersWithTheDecoderReason()
    {
        var item = Accept("moci/v1/rrg-school-01/senml", """{"pm10": 3}""");

        Assert.That(item.Readings, Is.Empty);
        Assert.That(item.DeadLetters.Single().Reason, Does.StartWith("invalid SenML pack: a SenML pack must be a JSON array"));
        Assert.That(item.DeadLetters.Single().StationId, Is.EqualTo("rrg-school-01"));
    }

    [Test]
    public void Accept_PackWithSomeBadRecords_StoresTheGoodAndDeadLettersEachBadOne()
    {
        var item = Accept("moci/v1/rrg-school-01/senml", $$"""[{"bn":"urn:dev:moci:rrg-school-01:","bt":{{T}},"n":"pm10","v":20},{"n":"nitrate","v":3},{"n":"pm2_5","u":"Cel","v":3}]""");

        Assert.That(item.Readings.Select(r => r.Metric), Is.EqualTo(new[] { "pm10" }));
        Assert.That(item.DeadLetters.Select(l => l.Reason), Has.Exactly(1).Contains("unknown metric 'nitrate'").And.Exactly(1).Contains("unit 'Cel'"));
        Assert.That(Encoding.UTF8.GetString(item.DeadLetters[0].Payload), Does.Contain("urn:dev:moci:rrg-school-01:nitrate"));
    }

    [Test]
    public void Accept_TopicOfNoStation_DeadLettersWithoutStation()
    {
        var item = Accept("moci/v1/Not_A_Station/senml", "[]");

        Assert.That(item.StationId, Is.Null);
        Assert.That(item.DeadLetters.Single().Reason, Does.Contain("is not a readings topic"));
    }

    [TestCase(null)]
    [TestCase("seven")]
    [TestCase("-1")]
    public void Accept_MissingOrMalformedSequence_StoresReadingsWithoutSequence(string? seq)
    {
        var item = Accept("moci/v1/rrg-school-01/senml", $$"""[{"n":"ph","v":7,"t":{{T}}}]""", seq);

        Assert.That(item.Sequence, Is.Null);
        Assert.That(item.Readings, Has.Count.EqualTo(1));
    }
}
