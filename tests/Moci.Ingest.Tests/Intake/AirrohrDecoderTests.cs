using System.Text;
using Moci.Ingest.Intake;
using Moci.Telemetry.SenML;
using Moci.Telemetry.Stations;

namespace Moci.Ingest.Tests.Intake;

/// <summary>
/// Bodies shaped as the airrohr firmware writes them (opendata-stuttgart/sensors-software,
/// airrohr-firmware.ino: <c>{"esp8266id": "…", "software_version": "…", "sensordatavalues":[…]}</c>, every value a string).
/// </summary>
public sealed class AirrohrDecoderTests
{
    private const string Station = "rrg-school-01";
    private const string BaseName = "urn:dev:moci:rrg-school-01:";
    private static readonly DateTimeOffset Now = new(2026, 11, 25, 12, 0, 0, 250, TimeSpan.Zero);

    private static string Body(params (string Type, string Value)[] values) =>
        $$"""{"esp8266id": "13597771", "software_version": "NRZ-2024-135", "sensordatavalues":[{{string.Join(",", values.Select(v => $$"""{"value_type":"{{v.Type}}","value":"{{v.Value}}"}"""))}}]}""";

    private static AirrohrPayload Decode(string json, StationKind kind = StationKind.Air)
    {
        var ok = AirrohrDecoder.TryDecode(Encoding.UTF8.GetBytes(json), Station, kind, Now, out var payload, out var error);
        Assert.That(ok, Is.True, error);
        return payload!;
    }

    private static string? ErrorOf(byte[] body)
    {
        var ok = AirrohrDecoder.TryDecode(body, Station, StationKind.Air, Now, out var payload, out var error);
        Assert.That(ok, Is.False);
        Assert.That(payload, Is.Null);
        return error;
    }

    private static (string Name, string? Unit, double? Value)[] Records(AirrohrPayload payload) =>
        payload.Values.Select(v => (v.Record.Name[BaseName.Length..], v.Record.Unit, v.Record.Value)).ToArray();

    [Test]
    public void TryDecode_Sds011AndBme280_MapsParticlesAndKeepsPressureInPascals()
    {
        var payload = Decode(Body(
            ("SDS_P1", "20.10"), ("SDS_P2", "12.30"),
            ("BME280_temperature", "21.40"), ("BME280_pressure", "100613.25"), ("BME280_humidity", "55.20"),
            ("samples", "730112"), ("min_micro", "28"), ("max_micro", "20061"), ("interval", "145000"), ("signal", "-70")));

        Assert.Multiple(() =>
        {
            Assert.That(Records(payload), Is.EqualTo(new (string, string?, double?)[]
            {
                ("pm10", "ug/m3", 20.10),
                ("pm2_5", "ug/m3", 12.30),
                ("temperature", "Cel", 21.40),
                ("pressure", "Pa", 100613.25),
                ("humidity", "%RH", 55.20),
            }));
            Assert.That(payload.Rejected, Is.Empty);
            Assert.That(payload.ChipId, Is.EqualTo("13597771"));
            Assert.That(payload.SoftwareVersion, Is.EqualTo("NRZ-2024-135"));
        });
    }

    [Test]
    public void TryDecode_EveryRecord_HasTheStationsBaseNameAndTheArrivalTime()
    {
        var payload = Decode(Body(("SDS_P1", "20.10"), ("SDS_P2", "12.30")));

        Assert.That(payload.Values.Select(v => v.Record.Name), Has.All.StartWith(BaseName));
        Assert.That(payload.Values.Select(v => v.Record.Timestamp), Has.All.EqualTo(Now));
        Assert.That(payload.Values.Select(v => v.Record.TimeWasRelative), Has.None.True);
    }

    [TestCase("PMS_P0", "pm1", "ug/m3")]
    [TestCase("PMS_P1", "pm10", "ug/m3")]
    [TestCase("PMS_P2", "pm2_5", "ug/m3")]
    [TestCase("HPM_P1", "pm10", "ug/m3")]
    [TestCase("HPM_P2", "pm2_5", "ug/m3")]
    [TestCase("SPS30_P0", "pm1", "ug/m3")]
    [TestCase("SPS30_P1", "pm10", "ug/m3")]
    [TestCase("SPS30_P2", "pm2_5", "ug/m3")]
    [TestCase("BMP280_temperature", "temperature", "Cel")]
    [TestCase("BMP280_pressure", "pressure", "Pa")]
    [TestCase("SHT3X_temperature", "temperature", "Cel")]
    [TestCase("SHT3X_humidity", "humidity", "%RH")]
    [TestCase("temperature", "temperature", "Cel")]
    [TestCase("humidity", "humidity", "%RH")]
    [TestCase("SCD30_co2_ppm", "co2", "ppm")]
    public void TryDecode_ValueType_MapsOntoTheCatalogueMetricInTheSensorsUnit(string valueType, string metric, string unit)
    {
        var payload = Decode(Body((valueType, "42.50")));

        Assert.That(Records(payload), Is.EqualTo(new (string, string?, double?)[] { (metric, unit, 42.5) }));
    }

    [Test]
    public void TryDecode_PlantowerKit_GivesPm1Pm10AndPm25()
    {
        var payload = Decode(Body(("PMS_P0", "5.00"), ("PMS_P1", "11.00"), ("PMS_P2", "8.00"), ("signal", "-61")));

        Assert.That(Records(payload), Is.EqualTo(new (string, string?, double?)[] { ("pm1", "ug/m3", 5), ("pm10", "ug/m3", 11), ("pm2_5", "ug/m3", 8) }));
    }

    [Test]
    public void TryDecode_Dht22_WritesPlainTemperatureAndHumidity()
    {
        var payload = Decode(Body(("temperature", "18.30"), ("humidity", "71.00"), ("SDS_P1", "9.90")));

        Assert.That(Records(payload), Is.EqualTo(new (string, string?, double?)[] { ("temperature", "Cel", 18.3), ("humidity", "%RH", 71), ("pm10", "ug/m3", 9.9) }));
    }

    [TestCase(StationKind.Water, "water_temperature")]
    [TestCase(StationKind.Air, "temperature")]
    [TestCase(StationKind.Mobile, "temperature")]
    public void TryDecode_Ds18b20_MeasuresTheWaterOnlyOnAWaterStation(StationKind kind, string metric)
    {
        var payload = Decode(Body(("DS18B20_temperature", "12.75")), kind);

        Assert.That(Records(payload), Is.EqualTo(new (string, string?, double?)[] { (metric, "Cel", 12.75) }));
    }

    [Test]
    public void TryDecode_UnknownValueTypes_AreIgnoredOnceEachAndCountedPerEntry()
    {
        var payload = Decode(Body(
            ("SDS_P1", "20.10"), ("GPS_lat", "41.076000"), ("GPS_lon", "19.667000"), ("GPS_timestamp", "2026-11-25T12:00:00.000"),
            ("SPS30_N05", "3.10"), ("samples", "730112"), ("min_micro", "28"), ("max_micro", "20061"), ("interval", "145000"),
            ("signal", "-70"), ("signal", "-71")));

        Assert.Multiple(() =>
        {
            Assert.That(Records(payload).Select(r => r.Name), Is.EqualTo(new[] { "pm10" }));
            Assert.That(payload.Ignored, Is.EqualTo(new[]
            {
                "GPS_lat", "GPS_lon", "GPS_timestamp", "SPS30_N05", "samples", "min_micro", "max_micro", "interval", "signal",
            }));
            Assert.That(payload.IgnoredValues, Is.EqualTo(10));
            Assert.That(payload.Rejected, Is.Empty, "a text value of an ignored type is not an error");
        });
    }

    [TestCase("nan", "'SDS_P1' has the value 'nan', which is not a finite number (the kit writes nan, inf or ovf when a sensor read fails")]
    [TestCase("ovf", "'SDS_P1' has the value 'ovf', which is not a finite number")]
    [TestCase("inf", "'SDS_P1' has the value 'inf', which is not a finite number")]
    [TestCase("-inf", "'SDS_P1' has the value '-inf', which is not a finite number")]
    [TestCase("NaN", "'SDS_P1' has the value 'NaN', which is not a finite number")]
    [TestCase("twenty", "'SDS_P1' has the value 'twenty', which is not a number")]
    [TestCase("20,10", "'SDS_P1' has the value '20,10', which is not a number")]
    [TestCase("", "'SDS_P1' has the value '', which is not a number")]
    public void TryDecode_ValueThatIsNotANumber_IsRejectedAloneWithTheReason(string value, string reason)
    {
        var payload = Decode(Body(("SDS_P1", value), ("SDS_P2", "12.30")));

        Assert.That(Records(payload).Select(r => r.Name), Is.EqualTo(new[] { "pm2_5" }));
        var rejected = payload.Rejected.Single();
        Assert.That(rejected.ValueType, Is.EqualTo("SDS_P1"));
        Assert.That(rejected.Reason, Does.StartWith(reason));
        Assert.That(rejected.Entry, Is.EqualTo($$"""{"value_type":"SDS_P1","value":"{{value}}"}"""));
    }

    [TestCase("""{"value_type":"SDS_P1"}""", "'SDS_P1' has no 'value'")]
    [TestCase("""{"value_type":"SDS_P1","value":null}""", "'SDS_P1' has no 'value'")]
    [TestCase("""{"value_type":"SDS_P1","value":[20.1]}""", "'SDS_P1' has the value '[20.1]', which is not a number")]
    [TestCase("""{"value":"20.10"}""", "entry 1 of 'sensordatavalues' has no 'value_type' string")]
    [TestCase("""{"value_type":7,"value":"20.10"}""", "entry 1 of 'sensordatavalues' has no 'value_type' string")]
    [TestCase("\"SDS_P1\"", "entry 1 of 'sensordatavalues' is a JSON string, not an object")]
    public void TryDecode_MalformedEntry_IsRejectedAloneWithTheReason(string entry, string reason)
    {
        var payload = Decode($$"""{"sensordatavalues":[{{entry}},{"value_type":"SDS_P2","value":"12.30"}]}""");

        Assert.That(Records(payload).Select(r => r.Name), Is.EqualTo(new[] { "pm2_5" }));
        Assert.That(payload.Rejected.Single().Reason, Does.StartWith(reason));
        Assert.That(payload.Rejected.Single().Entry, Is.EqualTo(entry));
    }

    [Test]
    public void TryDecode_TwoSensorsOfOneMetric_KeepsTheFirstAndRejectsTheSecondNamingBoth()
    {
        var payload = Decode(Body(("BME280_temperature", "21.40"), ("SHT3X_temperature", "21.10"), ("SHT3X_humidity", "50.00")));

        Assert.That(Records(payload), Is.EqualTo(new (string, string?, double?)[] { ("temperature", "Cel", 21.4), ("humidity", "%RH", 50) }));
        var rejected = payload.Rejected.Single();
        Assert.That(rejected.ValueType, Is.EqualTo("SHT3X_temperature"));
        Assert.That(rejected.Reason, Does.Contain("second value").And.Contain("'BME280_temperature'").And.Contain("switch one of the two sensors off"));
    }

    [Test]
    public void TryDecode_LenientJson_NumbersTrailingCommasByteOrderMarkAndCase_AreRead()
    {
        var json = "\uFEFF" + """
            {
              "esp8266id": 13597771,
              "sensordatavalues": [
                {"value_type": "sds_p1", "value": 20.1},
                {"value_type": "SDS_P2", "value": " 12.30 "},
              ],
            }
            """;
        var payload = Decode(json);

        Assert.That(Records(payload), Is.EqualTo(new (string, string?, double?)[] { ("pm10", "ug/m3", 20.1), ("pm2_5", "ug/m3", 12.3) }));
        Assert.That(payload.ChipId, Is.EqualTo("13597771"));
    }

    [Test]
    public void TryDecode_OnlyTheKitsOwnFigures_GivesNoValuesAndNoError()
    {
        var payload = Decode(Body(("samples", "730112"), ("signal", "-70")));

        Assert.That(payload.Values, Is.Empty);
        Assert.That(payload.Rejected, Is.Empty);
        Assert.That(payload.Ignored, Is.EqualTo(new[] { "samples", "signal" }));
    }

    [TestCase("", "the body is empty")]
    [TestCase("  \r\n", "the body is empty")]
    [TestCase("{oops", "the body is not valid JSON (")]
    [TestCase("""{"sensordatavalues":[{"value_type":"SDS_P1","value":"1"}""", "the body is not valid JSON (")]
    [TestCase("pm10=20.1&pm2_5=12.3", "the body is not valid JSON (")]
    [TestCase("""[{"n":"pm10","v":20.1}]""", "the body is a JSON array")]
    [TestCase("42", "the body is a JSON number")]
    [TestCase("{}", "the body has no 'sensordatavalues' array")]
    [TestCase("""{"sensordatavalues":{"SDS_P1":"20.10"}}""", "the body has no 'sensordatavalues' array")]
    public void TryDecode_NotAirrohrJson_FailsSayingWhatIsWrongAndWhatToSend(string body, string error)
    {
        Assert.That(ErrorOf(Encoding.UTF8.GetBytes(body)), Does.StartWith(error).And.Contain("\"sensordatavalues\": [{\"value_type\": \"SDS_P1\""));
    }

    [Test]
    public void TryDecode_InvalidUtf8_FailsAsAWhole()
    {
        byte[] body = [.. "{\"sensordatavalues\":[{\"value_type\":\""u8, 0xff, 0xfe, .. "\",\"value\":\"1\"}]}"u8];

        Assert.That(ErrorOf(body), Does.StartWith("the body is not UTF-8 text"));
    }
}
