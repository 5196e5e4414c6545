using System.Text;
using Moci.Telemetry.SenML;

namespace Moci.Telemetry.Tests.SenML;

public sealed class SenMLEncoderTests
{
    private static readonly DateTimeOffset Now = new(2026, 11, 25, 12, 0, 0, TimeSpan.Zero);

    [Test]
    public void Encode_ThenDecode_RoundTripsEveryField()
    {
        var t0 = SenMLTime.ToSeconds(new DateTimeOffset(2026, 6, 1, 8, 30, 15, 123, TimeSpan.Zero));
        SenMLRecord[] records =
        [
            new("urn:dev:moci:rrg-school-01:pm2_5", "ug/m3", 12.3, Time: t0),
            new("urn:dev:moci:rrg-school-01:temperature", "Cel", -4.25, Time: t0 + 0.456),
            new("urn:dev:moci:rrg-school-01:label", StringValue: "Roof", Time: t0 + 60),
            new("urn:dev:moci:rrg-school-01:door", BooleanValue: true, Time: t0 + 61),
            new("urn:dev:moci:rrg-school-01:blob", DataValue: [0, 1, 254, 255], Time: t0 + 62),
            new("urn:dev:moci:rrg-school-01:energy", "J", Sum: 1234.5, Time: t0 + 3600, UpdateTime: 60),
        ];

        var json = SenMLEncoder.Encode(records, "urn:dev:moci:rrg-school-01:");
        var ok = SenMLDecoder.TryDecode(json, Now, out var decoded, out var error);

        Assert.That(ok, Is.True, error);
        Assert.That(decoded, Has.Count.EqualTo(records.Length));
        for (var i = 0; i < records.Length; i++)
        {
            Assert.Multiple(() =>
            {
                Assert.That(decoded[i].Name, Is.EqualTo(records[i].Name));
                Assert.That(decoded[i].Unit, Is.EqualTo(records[i].Unit));
                Assert.That(decoded[i].Value, Is.EqualTo(records[i].Value));
                Assert.That(decoded[i].StringValue, Is.EqualTo(records[i].StringValue));
                Assert.That(decoded[i].BooleanValue, Is.EqualTo(records[i].BooleanValue));
                Assert.That(decoded[i].DataValue, Is.EqualTo(records[i].DataValue));
                Assert.That(decoded[i].Sum, Is.EqualTo(records[i].Sum));
                Assert.That(decoded[i].UpdateTime, Is.EqualTo(records[i].UpdateTime));
                Assert.That(decoded[i].Timestamp, Is.EqualTo(records[i].Timestamp));
                Assert.That(decoded[i].TimeWasRelative, Is.False);
            });
        }
    }

    [Test]
    public void Encode_WritesBaseNameAndBaseTimeOnceAndRelativeOffsets()
    {
        var t0 = 1_764_072_000.0;
        SenMLRecord[] records =
        [
            new("urn:dev:moci:a:pm10", "ug/m3", 20, Time: t0 + 10),
            new("urn:dev:moci:a:pm10", "ug/m3", 21, Time: t0),
        ];

        var json = Encoding.UTF8.GetString(SenMLEncoder.Encode(records, "urn:dev:moci:a:"));

        Assert.That(json, Is.EqualTo("""[{"bn":"urn:dev:moci:a:","bt":1764072000,"n":"pm10","u":"ug/m3","v":20,"t":10},{"n":"pm10","u":"ug/m3","v":21}]"""));
    }

    [Test]
    public void Encode_NameOutsideBaseName_Throws()
    {
        SenMLRecord[] records = [new("other:pm10", "ug/m3", 1, Time: 1.7e9)];

        Assert.That(() => SenMLEncoder.Encode(records, "urn:dev:moci:a:"), Throws.ArgumentException.With.Message.Contains("base name"));
    }

    [Test]
    public void Encode_RelativeTime_Throws()
    {
        SenMLRecord[] records = [new("urn:dev:moci:a:pm10", "ug/m3", 1, Time: -5)];

        Assert.That(() => SenMLEncoder.Encode(records, "urn:dev:moci:a:"), Throws.ArgumentException.With.Message.Contains("relative"));
    }

    [Test]
    public void EncodeRecord_ThenDecode_GivesTheSameRecordWhateverItsTime()
    {
        SenMLRecord[] records =
        [
            new("urn:dev:moci:a:pm10", "kg/m3", 1e308, Time: 1e308),
            new("urn:dev:moci:a:pm10", Sum: 5, Time: -1e15, UpdateTime: 60),
            new("urn:dev:moci:a:label", StringValue: "x", Time: 1764072000.0004),
        ];

        foreach (var record in records)
        {
            var ok = SenMLDecoder.TryDecode(SenMLEncoder.EncodeRecord(record), Now, out var decoded, out var error);

            Assert.That(ok, Is.True, error);
            Assert.That(decoded.Single() with { TimeWasRelative = false }, Is.EqualTo(record).Using<SenMLRecord>((a, b) =>
                a.Name == b.Name && a.Unit == b.Unit && Equals(a.Value, b.Value) && a.StringValue == b.StringValue &&
                Equals(a.Sum, b.Sum) && Equals(a.UpdateTime, b.UpdateTime) && (a.Time == b.Time || a.Time < SenMLTime.RelativeThreshold)));
        }
    }

    [Test]
    public void EncodeRecord_InfiniteTime_Throws()
    {
        Assert.That(() => SenMLEncoder.EncodeRecord(new SenMLRecord("a", Value: 1, Time: double.PositiveInfinity)), Throws.ArgumentException);
    }

    [Test]
    public void Encode_RecordWithQa_WritesItAfterTheTimeAndDecodesBack()
    {
        SenMLRecord[] records = [new("urn:dev:moci:s:pm2_5", "ug/m3", 12, Time: 1.7e9, Qa: ["clock_suspect"]), new("urn:dev:moci:s:pm10", "ug/m3", 20, Time: 1.7e9)];

        var json = SenMLEncoder.Encode(records, "urn:dev:moci:s:");
        Assert.That(SenMLDecoder.TryDecode(json, DateTimeOffset.UnixEpoch, out var decoded, out var error), Is.True, error);

        Assert.That(
            Encoding.UTF8.GetString(json),
            Is.EqualTo("""[{"bn":"urn:dev:moci:s:","bt":1700000000,"n":"pm2_5","u":"ug/m3","v":12,"qa":["clock_suspect"]},{"n":"pm10","u":"ug/m3","v":20}]"""));
        Assert.That(decoded.Select(r => r.Qa), Is.EqualTo(new IReadOnlyList<string>?[] { ["clock_suspect"], null }));
    }
}
