using System.Text;
using Moci.Telemetry.Protocol;
using Moci.Telemetry.Readings;
using Moci.Telemetry.SenML;

namespace Moci.Telemetry.Tests.Protocol;

public sealed class StationPackTests
{
    private static readonly DateTimeOffset Now = new(2026, 11, 25, 12, 0, 0, TimeSpan.Zero);

    private static PackContents Read(string stationId, string json)
    {
        Assert.That(SenMLDecoder.TryDecode(Encoding.UTF8.GetBytes(json), Now, out var records, out var error), Is.True, error);
        return StationPack.Read(stationId, records, Now);
    }

    [Test]
    public void Encode_ThenRead_GivesTheSameReadings()
    {
        Reading[] readings =
        [
            new("rrg-school-01", "pm2_5", Now.AddMinutes(-1), 17.4),
            new("rrg-school-01", "temperature", Now.AddMinutes(-1), 11.2),
            new("rrg-school-01", "pressure", Now, 1012.6),
        ];

        var json = StationPack.Encode("rrg-school-01", readings);
        Assert.That(SenMLDecoder.TryDecode(json, Now, out var records, out var error), Is.True, error);
        var contents = StationPack.Read("rrg-school-01", records, Now);

        Assert.That(contents.Rejected, Is.Empty);
        Assert.That(contents.Readings, Is.EqualTo(readings));
    }

    [Test]
    public void Encode_UsesStationBaseName()
    {
        var json = Encoding.UTF8.GetString(StationPack.Encode("a", [new Reading("a", "ph", Now, 7.1)]));

        Assert.That(json, Does.StartWith("""[{"bn":"urn:dev:moci:a:","""));
    }

    [Test]
    public void Read_OtherUnits_AreConvertedToCatalogueUnits()
    {
        var contents = Read("a", """[{"bn":"urn:dev:moci:a:","bt":1.7640648e9,"n":"pressure","u":"Pa","v":101325},{"n":"pm2_5","u":"kg/m3","v":1.5e-8}]""");

        Assert.That(contents.Readings.Select(r => r.Value), Is.EqualTo(new[] { 1013.25, 15.0 }).Within(1e-9));
    }

    [Test]
    public void Read_ImplausibleValue_IsKeptAndFlaggedOutOfRange()
    {
        var contents = Read("a", """[{"bn":"urn:dev:moci:a:","bt":1.7640648e9,"n":"humidity","u":"%RH","v":104}]""");

        Assert.That(contents.Readings, Has.Count.EqualTo(1));
        Assert.That(contents.Readings[0].Flags, Is.EqualTo(QaFlags.OutOfRange));
    }

    [Test]
    public void Read_RelativeOrFutureTime_IsFlaggedClockSuspect()
    {
        var future = SenMLTime.ToSeconds(Now.AddHours(1));
        var contents = Read("a", $$"""[{"n":"ph","v":7,"t":-10},{"n":"ph","v":7,"t":{{future}}},{"n":"ph","v":7,"t":{{SenMLTime.ToSeconds(Now)}}}]""");

        Assert.That(contents.Readings.Select(r => r.Flags), Is.EqualTo(new[] { QaFlags.ClockSuspect, QaFlags.ClockSuspect, QaFlags.None }));
    }

    [TestCase("""{"bn":"urn:dev:moci:b:","n":"ph","v":7}""", "names another station")]
    [TestCase("""{"n":"nitrate","v":7}""", "unknown metric 'nitrate'")]
    [TestCase("""{"n":"ph","vs":"7"}""", "needs a numeric value")]
    [TestCase("""{"n":"pm10","u":"Cel","v":7}""", "unit 'Cel' is not accepted for 'pm10' (send ug/m3 or kg/m3)")]
    public void Read_UnusableRecord_IsRejectedWithReasonAndOthersKept(string bad, string reason)
    {
        var contents = Read("a", $$"""[{{bad}},{"bn":"urn:dev:moci:a:","n":"ph","v":7.2,"t":1.7640648e9}]""");

        Assert.That(contents.Readings.Select(r => r.Metric), Is.EqualTo(new[] { "ph" }));
        Assert.That(contents.Rejected, Has.Count.EqualTo(1));
        Assert.That(contents.Rejected[0].Reason, Does.Contain(reason));
    }
}
