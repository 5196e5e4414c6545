using System.Text;
using Moci.Telemetry.Protocol;
using Moci.Telemetry.Readings;
using Moci.Telemetry.SenML;
using Moci.Telemetry.Stations;

namespace Moci.Telemetry.Tests.Protocol;

public sealed class StationPackTests
{
    private static readonly DateTimeOffset Now = new(2026, 11, 25, 12, 0, 0, TimeSpan.Zero);

    private static PackContents Read(string stationId, string json, StationKind? kind = null)
    {
        Assert.That(SenMLDecoder.TryDecode(Encoding.UTF8.GetBytes(json), Now, out var records, out var error), Is.True, error);
        return StationPack.Read(stationId, kind, records, Now, TimeRules.Default);
    }

    private static RejectedRecord RejectedOnly(PackContents contents)
    {
        Assert.That(contents.Readings, Is.Empty);
        Assert.That(contents.Rejected, Has.Count.EqualTo(1));
        return contents.Rejected[0];
    }

    [Test]
    public void Encode_ClockSuspectReading_AssertsItInQaAndReadsBackFlagged()
    {
        Reading[] readings =
        [
            new("rrg-school-01", "pm2_5", Now.AddMinutes(-1), 17.4, QaFlags.ClockSuspect),
            new("rrg-school-01", "temperature", Now.AddMinutes(-1), 11.2),
        ];

        var json = StationPack.Encode("rrg-school-01", readings);
        Assert.That(SenMLDecoder.TryDecode(json, Now, out var records, out var error), Is.True, error);

        Assert.That(Encoding.UTF8.GetString(json), Does.Contain("\"v\":17.4,\"qa\":[\"clock_suspect\"]}"));
        Assert.That(StationPack.Read("rrg-school-01", records, Now).Readings, Is.EqualTo(readings));
    }

    [Test]
    public void Encode_FlagsOnlyTheHubSets_AreNotSent()
    {
        var json = StationPack.Encode("rrg-school-01", [new("rrg-school-01", "temperature", Now, 11.2, QaFlags.OutOfRange | QaFlags.HubTimed)]);

        Assert.That(Encoding.UTF8.GetString(json), Does.Not.Contain("qa"));
    }

    [Test]
    public void Read_QaClockSuspect_FlagsTheReadingKeepingItsTime()
    {
        var contents = Read("rrg-school-01", """[{"bn":"urn:dev:moci:rrg-school-01:","bt":1795600000,"n":"pm2_5","u":"ug/m3","v":17.4,"qa":["clock_suspect"]}]""");

        Assert.That(contents.Readings.Single().Flags, Is.EqualTo(QaFlags.ClockSuspect));
        Assert.That(contents.Readings.Single().Timestamp, Is.EqualTo(DateTimeOffset.FromUnixTimeSeconds(1795600000)));
    }

    [Test]
    public void Read_QaNamingFlagsOnlyTheHubSetsOrUnknownOnes_IsIgnored()
    {
        var contents = Read("rrg-school-01", """[{"n":"urn:dev:moci:rrg-school-01:temperature","u":"Cel","v":11.2,"t":1795600000,"qa":["out_of_range","hub_timed","calibrated"]}]""");

        Assert.That(contents.Rejected, Is.Empty);
        Assert.That(contents.Readings.Single().Flags, Is.EqualTo(QaFlags.None));
    }

    [Test]
    public void Read_QaEmptyOnAnImplausibleValue_KeepsTheHubsOutOfRangeFlag()
    {
        var contents = Read("rrg-school-01", """[{"n":"urn:dev:moci:rrg-school-01:temperature","u":"Cel","v":900,"t":1795600000,"qa":[]}]""");

        Assert.That(contents.Readings.Single().Flags, Is.EqualTo(QaFlags.OutOfRange));
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
        var contents = Read("a", """[{"bn":"urn:dev:moci:a:","bt":1.7956008e9,"n":"pressure","u":"Pa","v":101325},{"n":"pm2_5","u":"kg/m3","v":1.5e-8}]""");

        Assert.That(contents.Readings.Select(r => r.Value), Is.EqualTo(new[] { 1013.25, 15.0 }).Within(1e-9));
    }

    [Test]
    public void Read_ImplausibleValue_IsKeptAndFlaggedOutOfRange()
    {
        var contents = Read("a", """[{"bn":"urn:dev:moci:a:","bt":1.7956008e9,"n":"humidity","u":"%RH","v":104}]""");

        Assert.That(contents.Readings, Has.Count.EqualTo(1));
        Assert.That(contents.Readings[0].Flags, Is.EqualTo(QaFlags.OutOfRange));
    }

    [Test]
    public void Read_RelativeTime_IsFlaggedClockSuspect_AbsoluteWithinTheToleranceIsNot()
    {
        var soon = SenMLTime.ToSeconds(Now.AddMinutes(4));
        var contents = Read("a", $$"""[{"n":"ph","v":7,"t":-10},{"n":"ph","v":7,"t":{{soon}}},{"n":"ph","v":7,"t":{{SenMLTime.ToSeconds(Now)}}}]""");

        Assert.That(contents.Readings.Select(r => r.Flags), Is.EqualTo(new[] { QaFlags.ClockSuspect, QaFlags.None, QaFlags.None }));
    }

    [Test]
    public void Read_ThreeArguments_TakesEveryMediumUnderTheDefaultTimeRules()
    {
        Assert.That(SenMLDecoder.TryDecode(Encoding.UTF8.GetBytes("""[{"n":"ph","v":7},{"n":"pm10","v":9},{"n":"ph","v":7,"t":-3600}]"""), Now, out var records, out _), Is.True);

        var contents = StationPack.Read("a", records, Now);

        Assert.That(contents.Readings.Select(r => r.Metric), Is.EqualTo(new[] { "ph", "pm10", "ph" }));
    }

    [TestCase("1e308", RejectionKind.Future)]
    [TestCase("-1e15", RejectionKind.Before2000)]
    [TestCase("253402300800", RejectionKind.Future)]
    [TestCase("4102444800", RejectionKind.Future)]
    [TestCase("946684799", RejectionKind.Before2000)]
    [TestCase("1760000000", RejectionKind.TooOld)]
    public void Read_TimeOutsideTheRules_IsRejectedNamingTheRuleAndTheTime(string baseTime, RejectionKind kind)
    {
        var rejected = RejectedOnly(Read("a", $$"""[{"bn":"urn:dev:moci:a:","bt":{{baseTime}},"n":"pm10","v":20}]"""));

        Assert.That(rejected.Kind, Is.EqualTo(kind));
        Assert.That(rejected.Reason, Does.StartWith("'pm10': time "));
        Assert.That(rejected.Reason, Does.Contain(kind switch
        {
            RejectionKind.Future => "is in the future, more than 5 minutes ahead",
            RejectionKind.Before2000 => "is before 2000-01-01T00:00:00Z",
            _ => "is older than the backfill window of 30 days",
        }));
    }

    [Test]
    public void Read_TimesThatOverflowWhenAdded_AreRejectedNotThrown()
    {
        var contents = Read("a", """[{"bn":"urn:dev:moci:a:","bt":1e308,"n":"pm10","v":20,"t":1e308},{"bt":-1e308,"n":"pm10","v":20,"t":-1e308}]""");

        Assert.That(contents.Rejected.Select(r => r.Kind), Is.EqualTo(new[] { RejectionKind.Future, RejectionKind.Before2000 }));
    }

    [Test]
    public void Read_ValueInfiniteOnlyAfterUnitConversion_IsRejectedAsNonFinite()
    {
        var rejected = RejectedOnly(Read("a", """[{"bn":"urn:dev:moci:a:","bt":1.7956008e9,"n":"pm2_5","u":"kg/m3","v":1e308}]"""));

        Assert.That(rejected.Kind, Is.EqualTo(RejectionKind.NonFinite));
        Assert.That(rejected.Reason, Is.EqualTo("'pm2_5' value 1E+308 kg/m3 is not a finite number in ug/m3"));
    }

    [TestCase("ph", StationKind.Air, "'ph' is a water metric; station 'a' is an air station")]
    [TestCase("turbidity", StationKind.Mobile, "'turbidity' is a water metric; station 'a' is a mobile station")]
    [TestCase("pm10", StationKind.Water, "'pm10' is an air metric; station 'a' is a water station")]
    public void Read_MetricOfAnotherKindOfStation_IsRejectedNamingBoth(string metric, StationKind kind, string reason)
    {
        var rejected = RejectedOnly(Read("a", $$"""[{"n":"{{metric}}","v":7,"t":1.7956008e9}]""", kind));

        Assert.That(rejected.Kind, Is.EqualTo(RejectionKind.WrongKind));
        Assert.That(rejected.Reason, Is.EqualTo(reason));
    }

    [TestCase(StationKind.Air, "pm10")]
    [TestCase(StationKind.Air, "battery_voltage")]
    [TestCase(StationKind.Mobile, "co2")]
    [TestCase(StationKind.Mobile, "battery_voltage")]
    [TestCase(StationKind.Water, "dissolved_oxygen")]
    [TestCase(StationKind.Water, "battery_voltage")]
    public void Read_MetricTheKindMeasures_IsStored(StationKind kind, string metric)
    {
        var contents = Read("a", $$"""[{"n":"{{metric}}","v":7,"t":1.7956008e9}]""", kind);

        Assert.That(contents.Readings.Select(r => r.Metric), Is.EqualTo(new[] { metric }));
    }

    [Test]
    public void Read_SenderTextInReasons_IsEscapedAndShortened()
    {
        var longName = new string('x', 500);
        var contents = Read("a", $$"""[{"n":"{{longName}}","v":1,"t":1.7956008e9},{"n":"pm10","u":"ug/m3\n[INFO] forged \u001b[0m","v":1,"t":1.7956008e9}]""");

        Assert.That(contents.Rejected[0].Reason, Does.StartWith("unknown metric '" + new string('x', 64) + "...'"));
        Assert.That(contents.Rejected[1].Reason, Does.StartWith(@"unit 'ug/m3\u000A[INFO] forged \u001B[0m' is not accepted"));
        Assert.That(contents.Rejected.SelectMany(r => r.Reason), Has.All.InRange(' ', '~'));
    }

    [TestCase("""{"bn":"urn:dev:moci:b:","n":"ph","v":7}""", "names another station", RejectionKind.OtherStation)]
    [TestCase("""{"n":"nitrate","v":7}""", "unknown metric 'nitrate'", RejectionKind.UnknownMetric)]
    [TestCase("""{"n":"ph","vs":"7"}""", "needs a numeric value", RejectionKind.NoValue)]
    [TestCase("""{"n":"pm10","u":"Cel","v":7}""", "unit 'Cel' is not accepted for 'pm10' (send ug/m3 or kg/m3)", RejectionKind.BadUnit)]
    public void Read_UnusableRecord_IsRejectedWithReasonAndOthersKept(string bad, string reason, RejectionKind kind)
    {
        var contents = Read("a", $$"""[{{bad}},{"bn":"urn:dev:moci:a:","n":"ph","v":7.2,"t":1.7956008e9}]""");

        Assert.That(contents.Readings.Select(r => r.Metric), Is.EqualTo(new[] { "ph" }));
        Assert.That(contents.Rejected, Has.Count.EqualTo(1));
        Assert.That(contents.Rejected[0].Reason, Does.Contain(reason));
        Assert.That(contents.Rejected[0].Kind, Is.EqualTo(kind));
    }
}
