using System.Text;
using Moci.Ingest.Intake;
using Moci.Telemetry.Readings;
using Moci.Telemetry.Stations;

namespace Moci.Ingest.Tests.Intake;

public sealed class AirrohrIntakeTests
{
    private const string Station = "rrg-school-01";
    private static readonly DateTimeOffset Now = new(2026, 11, 25, 12, 0, 0, TimeSpan.Zero);

    private static AirrohrAcceptance Accept(string json, StationKind kind = StationKind.Air) =>
        AirrohrIntake.Accept(Station, kind, Encoding.UTF8.GetBytes(json), Now, Moci.Telemetry.Protocol.TimeRules.Default);

    [Test]
    public void Accept_KitBody_GivesReadingsAtTheArrivalTimeFlaggedHubTimedWithPressureInHectopascals()
    {
        var acceptance = Accept("""
            {"esp8266id": "13597771", "software_version": "NRZ-2024-135", "sensordatavalues":[
            {"value_type":"SDS_P1","value":"20.10"},{"value_type":"SDS_P2","value":"12.30"},
            {"value_type":"BME280_temperature","value":"21.40"},{"value_type":"BME280_pressure","value":"100613.25"},
            {"value_type":"BME280_humidity","value":"55.20"},{"value_type":"samples","value":"730112"},{"value_type":"signal","value":"-70"}]}
            """);

        Assert.Multiple(() =>
        {
            Assert.That(acceptance.Error, Is.Null);
            Assert.That(acceptance.Item.StationId, Is.EqualTo(Station));
            Assert.That(acceptance.Item.Sequence, Is.Null);
            Assert.That(acceptance.Item.DeadLetters, Is.Empty);
            Assert.That(acceptance.Item.Readings, Is.EqualTo(new[]
            {
                new Reading(Station, "pm10", Now, 20.10, QaFlags.HubTimed),
                new Reading(Station, "pm2_5", Now, 12.30, QaFlags.HubTimed),
                new Reading(Station, "temperature", Now, 21.40, QaFlags.HubTimed),
                new Reading(Station, "pressure", Now, 1006.1325, QaFlags.HubTimed),
                new Reading(Station, "humidity", Now, 55.20, QaFlags.HubTimed),
            }).Using<Reading>((a, b) => a.StationId == b.StationId && a.Metric == b.Metric && a.Timestamp == b.Timestamp &&
                                        a.Flags == b.Flags && Math.Abs(a.Value - b.Value) < 1e-9));
            Assert.That(acceptance.Ignored, Is.EqualTo(new[] { "samples", "signal" }));
            Assert.That(acceptance.ChipId, Is.EqualTo("13597771"));
        });
    }

    [Test]
    public void Accept_ImplausibleValue_IsKeptAndFlaggedByTheSameRulesAsAnMqttPack()
    {
        var acceptance = Accept("""{"sensordatavalues":[{"value_type":"SDS_P1","value":"1999.90"},{"value_type":"BME280_humidity","value":"-3.00"}]}""");

        Assert.That(acceptance.Item.Readings.Select(r => r.Flags), Has.All.EqualTo(QaFlags.OutOfRange | QaFlags.HubTimed));
        Assert.That(acceptance.Item.Readings.Select(r => r.Value), Is.EqualTo(new[] { 1999.9, -3 }));
    }

    [Test]
    public void Accept_Ds18b20OnAWaterStation_IsWaterTemperature()
    {
        var acceptance = Accept("""{"sensordatavalues":[{"value_type":"DS18B20_temperature","value":"9.50"}]}""", StationKind.Water);

        Assert.That(acceptance.Item.Readings.Single().Metric, Is.EqualTo("water_temperature"));
    }

    [Test]
    public void Accept_ValueThatIsNotANumber_IsADeadLetterOfItsEntryWhileTheRestIsStored()
    {
        var acceptance = Accept("""{"sensordatavalues":[{"value_type":"SDS_P1","value":"nan"},{"value_type":"SDS_P2","value":"12.30"}]}""");

        Assert.That(acceptance.Error, Is.Null);
        Assert.That(acceptance.Item.Readings.Select(r => r.Metric), Is.EqualTo(new[] { "pm2_5" }));
        var letter = acceptance.Item.DeadLetters.Single();
        Assert.Multiple(() =>
        {
            Assert.That(letter.Topic, Is.EqualTo("http:/api/v1/airrohr"));
            Assert.That(letter.StationId, Is.EqualTo(Station));
            Assert.That(letter.ReceivedAt, Is.EqualTo(Now));
            Assert.That(letter.Reason, Does.StartWith("'SDS_P1' has the value 'nan', which is not a finite number"));
            Assert.That(Encoding.UTF8.GetString(letter.Payload), Is.EqualTo("""{"value_type":"SDS_P1","value":"nan"}"""));
        });
    }

    [Test]
    public void Accept_NotAirrohrJson_DeadLettersTheWholeBodyWithTheReason()
    {
        const string body = "pm10=20.1&pm2_5=12.3";
        var acceptance = Accept(body);

        Assert.That(acceptance.Error, Does.StartWith("the body is not valid JSON"));
        Assert.That(acceptance.Item.Readings, Is.Empty);
        var letter = acceptance.Item.DeadLetters.Single();
        Assert.That(letter.Reason, Does.StartWith("not a Sensor.Community (airrohr) body: the body is not valid JSON"));
        Assert.That(Encoding.UTF8.GetString(letter.Payload), Is.EqualTo(body));
        Assert.That(letter.Topic, Is.EqualTo("http:/api/v1/airrohr"));
    }
}
