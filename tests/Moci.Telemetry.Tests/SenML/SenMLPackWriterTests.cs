using System.Text;
using System.Text.Json;
using Moci.Telemetry.SenML;

namespace Moci.Telemetry.Tests.SenML;

public sealed class SenMLPackWriterTests
{
    private const string BaseName = "urn:dev:moci:rrg-school-01:";
    private static readonly DateTimeOffset T0 = new(2026, 11, 25, 8, 0, 0, 250, TimeSpan.Zero);
    private static readonly JsonEncodedText[] ClockSuspect = [JsonEncodedText.Encode("clock_suspect")];

    // (metric, unit, value, milliseconds after T0, clock suspect): whole seconds, fractions, repeats and a flag.
    private static readonly (string Metric, string Unit, double Value, long After, bool Suspect)[] Rows =
    [
        ("pm2_5", "ug/m3", 12.3, 0, false),
        ("temperature", "Cel", -4.25, 0, true),
        ("pm2_5", "ug/m3", 12.0, 30_000, false),
        ("pressure", "hPa", 1013.25, 60_456, false),
        ("humidity", "%RH", 1e-7, 3_600_000, true),
    ];

    private static byte[] Write(SenMLPackWriter writer)
    {
        writer.Start(JsonEncodedText.Encode(BaseName), T0.ToUnixTimeMilliseconds());
        foreach (var (metric, unit, value, after, suspect) in Rows)
        {
            writer.Add(JsonEncodedText.Encode(metric), JsonEncodedText.Encode(unit), value, T0.ToUnixTimeMilliseconds() + after, suspect ? ClockSuspect : []);
        }

        return writer.ToArray();
    }

    [Test]
    public void Add_NumericRecords_WritesTheBytesSenMLEncoderWrites()
    {
        var records = Rows.Select(r => new SenMLRecord(
            BaseName + r.Metric, r.Unit, r.Value, Time: SenMLTime.ToSeconds(T0.AddMilliseconds(r.After)), Qa: r.Suspect ? ["clock_suspect"] : null)).ToList();

        var written = Write(new SenMLPackWriter());

        Assert.That(Encoding.UTF8.GetString(written), Is.EqualTo(Encoding.UTF8.GetString(SenMLEncoder.Encode(records, BaseName))));
    }

    [Test]
    public void ToArray_ThenDecode_GivesEachRecordItsNameValueTimeAndQa()
    {
        var pack = Write(new SenMLPackWriter());

        Assert.That(SenMLDecoder.TryDecode(pack, T0, out var records, out var error), Is.True, error);
        Assert.That(records.Select(r => (r.Name, r.Unit, r.Value, r.Timestamp, r.Qa?.Single())), Is.EqualTo(
            Rows.Select(r => (BaseName + r.Metric, (string?)r.Unit, (double?)r.Value, T0.AddMilliseconds(r.After), r.Suspect ? "clock_suspect" : null))));
    }

    [Test]
    public void Start_Again_BeginsAFreshPack()
    {
        var writer = new SenMLPackWriter(initialBytes: 16);
        var first = Write(writer);

        var second = Write(writer);

        Assert.That(second, Is.EqualTo(first));
        Assert.That(writer.Count, Is.EqualTo(Rows.Length));
    }

    [Test]
    public void Length_BeforeToArray_IsTheLengthOfThePack()
    {
        var writer = new SenMLPackWriter();
        writer.Start(JsonEncodedText.Encode(BaseName), T0.ToUnixTimeMilliseconds());
        writer.Add(JsonEncodedText.Encode("ph"), JsonEncodedText.Encode("pH"), 7.05, T0.ToUnixTimeMilliseconds() + 1_500);
        var length = writer.Length;

        Assert.That(writer.ToArray(), Has.Length.EqualTo(length));
    }

    [Test]
    public void Start_BaseTimeBelow2To28Seconds_IsRefused()
    {
        var writer = new SenMLPackWriter();

        Assert.That(() => writer.Start(JsonEncodedText.Encode(BaseName), 268_435_455_999), Throws.TypeOf<ArgumentOutOfRangeException>());
    }
}
