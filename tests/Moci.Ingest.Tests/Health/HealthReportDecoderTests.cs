using System.Buffers;
using System.Text;
using Moci.Ingest.Health;
using Moci.Ingest.Tests.Support;

namespace Moci.Ingest.Tests.Health;

public sealed class HealthReportDecoderTests
{
    private const string Station = "rrg-school-01";
    private static readonly DateTimeOffset At = new(2026, 11, 20, 10, 5, 0, TimeSpan.Zero);

    private static bool Decode(string json, out StationHealth? report, out string? error) =>
        HealthReportDecoder.TryDecode(Station, new ReadOnlySequence<byte>(Encoding.UTF8.GetBytes(json)), out report, out error);

    [Test]
    public void TryDecode_ReportAsTheBridgeSendsIt_ReadsEveryField()
    {
        var valid = Decode(HealthReports.Json(Station, At, dustFailing: true, depth: 7, dropped: 2), out var report, out var error);

        Assert.That(valid, Is.True, error);
        Assert.Multiple(() =>
        {
            Assert.That(report!.Station, Is.EqualTo(Station));
            Assert.That(report.At, Is.EqualTo(At));
            Assert.That((report.UptimeSeconds, report.BridgeUptimeSeconds, report.CpuTemperatureCelsius, report.DiskFreeBytes), Is.EqualTo((86412.3, 3600.0, 48.3, 12884901888L)));
            Assert.That(report.Outbox, Is.EqualTo(new OutboxHealth(7, null, 2)));
            Assert.That(report.Clock, Is.EqualTo(new ClockHealth("ntp", true)));
            Assert.That(report.Sensors.Select(s => (s.Name, s.Type, s.State)), Is.EqualTo(new[] { ("air", "bme280", "ok"), ("dust", "sds011", "failing") }));
            Assert.That(report.Sensors[0].LastSampleAt, Is.EqualTo(new DateTimeOffset(2026, 11, 20, 10, 4, 50, TimeSpan.Zero)));
            Assert.That(report.Sensors[1].LastError, Is.EqualTo("sensor 'dust' (sds011): no frame within 3 s"));
        });
    }

    [Test]
    public void TryDecode_FieldsTheHubDoesNotKnow_AreIgnored()
    {
        var json = HealthReports.Json(Station, At).Replace("\"clock\":", "\"fanRpm\": 1200, \"extra\": {\"a\": [1, 2]}, \"clock\":", StringComparison.Ordinal);

        var valid = Decode(json, out var report, out var error);

        Assert.That(valid, Is.True, error);
        Assert.That(report!.Clock.Source, Is.EqualTo("ntp"));
    }

    [Test]
    public void TryDecode_MissingMachineFigures_AreNull()
    {
        var json = $$"""{"station":"{{Station}}","at":"2026-11-20T10:05:00Z","outbox":{"depth":0,"dropped":0},"clock":{"source":"none","synchronised":false},"sensors":[]}""";

        var valid = Decode(json, out var report, out var error);

        Assert.That(valid, Is.True, error);
        Assert.That((report!.UptimeSeconds, report.CpuTemperatureCelsius, report.DiskFreeBytes, report.Outbox.OldestAgeSeconds), Is.EqualTo(((double?)null, (double?)null, (long?)null, (double?)null)));
    }

    [TestCase("not json", "the report is not valid JSON")]
    [TestCase("[1, 2]", "the report must be a JSON object, not an array")]
    [TestCase("""{"at":"2026-11-20T10:05:00Z"}""", "'station' is missing")]
    [TestCase("""{"station":"shk-river-01"}""", "'station' is 'shk-river-01' but the report came on the health topic of 'rrg-school-01'")]
    [TestCase("""{"station":"rrg-school-01","outbox":{"depth":0,"dropped":0},"clock":{"source":"ntp","synchronised":true},"sensors":[]}""", "'at' is missing")]
    [TestCase("""{"station":"rrg-school-01","at":"yesterday","outbox":{"depth":0,"dropped":0},"clock":{"source":"ntp","synchronised":true},"sensors":[]}""", "'at' must be a time in ISO 8601")]
    [TestCase("""{"station":"rrg-school-01","at":"2026-11-20T10:05:00Z","clock":{"source":"ntp","synchronised":true},"sensors":[]}""", "'outbox' must be an object, not missing")]
    [TestCase("""{"station":"rrg-school-01","at":"2026-11-20T10:05:00Z","outbox":{"depth":-1,"dropped":0},"clock":{"source":"ntp","synchronised":true},"sensors":[]}""", "'outbox.depth' must be a whole number ≥ 0, not the number -1")]
    [TestCase("""{"station":"rrg-school-01","at":"2026-11-20T10:05:00Z","outbox":{"depth":"3","dropped":0},"clock":{"source":"ntp","synchronised":true},"sensors":[]}""", "'outbox.depth' must be a whole number ≥ 0, not the string '3'")]
    [TestCase("""{"station":"rrg-school-01","at":"2026-11-20T10:05:00Z","outbox":{"depth":0},"clock":{"source":"ntp","synchronised":true},"sensors":[]}""", "'outbox.dropped' is missing")]
    [TestCase("""{"station":"rrg-school-01","at":"2026-11-20T10:05:00Z","outbox":{"depth":0,"dropped":0},"clock":{"source":"ntp","synchronised":"yes"},"sensors":[]}""", "'clock.synchronised' must be true or false, not the string 'yes'")]
    [TestCase("""{"station":"rrg-school-01","at":"2026-11-20T10:05:00Z","outbox":{"depth":0,"dropped":0},"clock":{"source":"ntp","synchronised":true},"sensors":{}}""", "'sensors' must be an array")]
    [TestCase("""{"station":"rrg-school-01","at":"2026-11-20T10:05:00Z","outbox":{"depth":0,"dropped":0},"clock":{"source":"ntp","synchronised":true},"sensors":[{"name":"air","type":"bme280"}]}""", "'sensors[0].state' is missing")]
    [TestCase("""{"station":"rrg-school-01","at":"2026-11-20T10:05:00Z","outbox":{"depth":0,"dropped":0},"clock":{"source":"ntp","synchronised":true},"sensors":[{"name":"air","type":"bme280","state":"ok","lastError":42}]}""", "'sensors[0].lastError' must be a string, not the number 42")]
    [TestCase("""{"station":"rrg-school-01","at":"2026-11-20T10:05:00Z","cpuTemperatureCelsius":"hot","outbox":{"depth":0,"dropped":0},"clock":{"source":"ntp","synchronised":true},"sensors":[]}""", "'cpuTemperatureCelsius' must be a number or null")]
    public void TryDecode_BadShape_RejectsNamingTheField(string json, string reason)
    {
        var valid = Decode(json, out var report, out var error);

        Assert.That(valid, Is.False);
        Assert.That(report, Is.Null);
        Assert.That(error, Does.StartWith(reason));
    }

    [Test]
    public void TryDecode_LargerThanTheCap_RejectsSayingTheSize()
    {
        var json = HealthReports.Json(Station, At).Replace("\"clock\":", $"\"padding\": \"{new string('x', HealthReportDecoder.MaxPayloadBytes)}\", \"clock\":", StringComparison.Ordinal);

        var valid = Decode(json, out _, out var error);

        Assert.That(valid, Is.False);
        Assert.That(error, Does.Contain($"more than the {HealthReportDecoder.MaxPayloadBytes} a health report may have"));
    }

    [Test]
    public void TryDecode_TooManySensors_Rejects()
    {
        var sensors = string.Join(",", Enumerable.Range(0, HealthReportDecoder.MaxSensors + 1).Select(i => $$"""{"name":"s{{i}}","type":"bme280","state":"ok"}"""));
        var json = $$"""{"station":"{{Station}}","at":"2026-11-20T10:05:00Z","outbox":{"depth":0,"dropped":0},"clock":{"source":"ntp","synchronised":true},"sensors":[{{sensors}}]}""";

        var valid = Decode(json, out _, out var error);

        Assert.That(valid, Is.False);
        Assert.That(error, Does.StartWith($"'sensors' lists {HealthReportDecoder.MaxSensors + 1} sensors"));
    }

    [Test]
    public void TryDecode_LongSensorError_IsCutWithAnEllipsis()
    {
        var json = $$"""{"station":"{{Station}}","at":"2026-11-20T10:05:00Z","outbox":{"depth":0,"dropped":0},"clock":{"source":"ntp","synchronised":true},"sensors":[{"name":"dust","type":"sds011","state":"failing","lastError":"{{new string('e', 2000)}}"}]}""";

        var valid = Decode(json, out var report, out var error);

        Assert.That(valid, Is.True, error);
        Assert.That(report!.Sensors[0].LastError, Has.Length.EqualTo(HealthReportDecoder.MaxErrorLength).And.EndWith("e…"));
    }
}
