namespace Moci.Bridge.Tests.Configuration;

public sealed class SensorListValidatorTests
{
    private BridgeConfig _config = null!;

    [SetUp]
    public void SetUp() => _config = new BridgeConfig();

    [TearDown]
    public void TearDown() => _config.Dispose();

    [TestCase("""{ "type": "bme680" }""", "sensors:0:type: 'bme680' is not a sensor type the bridge knows; use one of bme280,")]
    [TestCase("""{ "name": "air" }""", "sensors:0:type is missing")]
    [TestCase("""{ "type": "bme280", "bus": 3 }""", "sensors:0:bus (sensor 'bme280', bme280): there is no I2C bus 3 (/dev/i2c-3 does not exist). Turn I2C on")]
    [TestCase("""{ "type": "bme280", "bus": 300 }""", "sensors:0:bus (sensor 'bme280', bme280): 300 is not an I2C bus number")]
    [TestCase("""{ "type": "bme280", "address": "0x40" }""", "sensors:0:address (sensor 'bme280', bme280): 0x40 is not an address a Bosch BME280 answers on; use 0x76 or 0x77")]
    [TestCase("""{ "type": "bme280", "address": "seventy-six" }""", "sensors:0:address (sensor 'bme280', bme280): 'seventy-six' is not an I2C address")]
    [TestCase("""{ "type": "bme280", "port": "/dev/serial0" }""", "sensors:0:port (sensor 'bme280', bme280): a bme280 does not take port; it takes bus and address")]
    [TestCase("""{ "type": "sds011" }""", "sensors:0:port (sensor 'sds011', sds011) is missing; give the serial port")]
    [TestCase("""{ "type": "sds011", "port": "COM3" }""", "sensors:0:port (sensor 'sds011', sds011): 'COM3' is not a serial device")]
    [TestCase("""{ "type": "sds011", "port": "/dev/ttyUSB3" }""", "sensors:0:port (sensor 'sds011', sds011): /dev/ttyUSB3 does not exist; plug in the USB adaptor")]
    [TestCase("""{ "type": "pms5003", "port": "/dev/ttyAMA0" }""", "sensors:0:port (sensor 'pms5003', pms5003): /dev/ttyAMA0 does not exist; turn the UART on")]
    [TestCase("""{ "type": "sds011", "port": "/dev/ttyUSB0", "baud": 115200 }""", "sensors:0:baud (sensor 'sds011', sds011): a Nova Fitness SDS011 speaks 9600 bit/s only")]
    [TestCase("""{ "type": "ds18b20" }""", "sensors:0 (sensor 'ds18b20', ds18b20): 1-Wire is off")]
    [TestCase("""{ "type": "ph", "channel": 0 }""", "sensors:0:calibration (sensor 'ph', ph) is missing; a ph probe needs its calibration, e.g. {\"id\"")]
    [TestCase("""{ "type": "ph", "calibration": { "id": "c", "points": [ { "ph": 7, "volts": 2 }, { "ph": 4, "volts": 1.5 } ] } }""", "sensors:0:channel (sensor 'ph', ph) is missing")]
    [TestCase("""{ "type": "ph", "channel": 4, "calibration": { "id": "c", "points": [ { "ph": 7, "volts": 2 }, { "ph": 4, "volts": 1.5 } ] } }""", "sensors:0:channel (sensor 'ph', ph): 4 is not an ADS1115 input")]
    [TestCase("""{ "type": "ph", "channel": 0, "calibration": { "id": "c", "points": [ { "ph": 7, "volts": 2 } ] } }""", "sensors:0:calibration:points (sensor 'ph', ph): a ph calibration takes 2 or 3 buffers (was 1)")]
    [TestCase("""{ "type": "ph", "channel": 0, "calibration": { "id": "c", "points": [ { "ph": 7, "volts": 2 }, { "ph": 4, "volts": 2 } ] } }""", "sensors:0:calibration:points:1:volts (sensor 'ph', ph): points 0 and 1 have the same voltage")]
    [TestCase("""{ "type": "ph", "channel": 0, "calibration": { "id": "c", "points": [ { "ph": 7, "volts": 2 }, { "ph": 15, "volts": 1 } ] } }""", "sensors:0:calibration:points:1:ph (sensor 'ph', ph): pH 15 is not between 0 and 14")]
    [TestCase("""{ "type": "ph", "channel": 0, "calibration": { "id": "c", "points": [ { "ph": 4, "volts": 1.5 }, { "ph": 7, "volts": 2 }, { "ph": 10, "volts": 1.8 } ] } }""", "sensors:0:calibration:points (sensor 'ph', ph): the voltages do not rise or fall steadily with pH")]
    [TestCase("""{ "type": "ph", "channel": 0, "calibration": { "points": [ { "ph": 7, "volts": 2 }, { "ph": 4, "volts": 1.5 } ] } }""", "sensors:0:calibration:id (sensor 'ph', ph) is missing")]
    [TestCase("""{ "type": "ph", "channel": 0, "calibration": { "id": "c", "clearWaterVolts": 4.2 } }""", "sensors:0:calibration:clearWaterVolts (sensor 'ph', ph): a ph calibration does not take clearWaterVolts, only a turbidity one does")]
    [TestCase("""{ "type": "ph", "channel": 0, "gain": 1, "calibration": { "id": "c", "points": [ { "ph": 7, "volts": 2 }, { "ph": 4, "volts": 1.5 } ] } }""", "sensors:0:gain (sensor 'ph', ph): 1 is not a full-scale range of the ADS1115; use one of 0.256, 0.512, 1.024, 2.048, 4.096, 6.144")]
    [TestCase("""{ "type": "ph", "channel": 0, "dividerRatio": 0.5, "calibration": { "id": "c", "points": [ { "ph": 7, "volts": 2 }, { "ph": 4, "volts": 1.5 } ] } }""", "sensors:0:dividerRatio (sensor 'ph', ph): 0.5 is not a divider ratio")]
    [TestCase("""{ "type": "turbidity", "channel": 1, "calibration": { "id": "t" } }""", "sensors:0:calibration:clearWaterVolts (sensor 'turbidity', turbidity) is missing; measure the probe in clear")]
    [TestCase("""{ "type": "turbidity", "channel": 1, "calibration": { "id": "t", "clearWaterVolts": 2.1 } }""", "sensors:0:calibration:clearWaterVolts (sensor 'turbidity', turbidity): 2.1 V is not a clear-water voltage")]
    [TestCase("""{ "type": "turbidity", "channel": 1, "calibration": { "id": "t", "clearWaterVolts": 4.1, "points": [ { "ph": 7, "volts": 2 } ] } }""", "sensors:0:calibration:points (sensor 'turbidity', turbidity): a turbidity calibration does not take points, only a ph one does")]
    [TestCase("""{ "type": "conductivity", "channel": 2, "fixedWaterCelsius": 15, "calibration": { "id": "ec" } }""", "sensors:0:calibration:bufferVolts (sensor 'conductivity', conductivity) is missing; measure the probe in a conductivity buffer")]
    [TestCase("""{ "type": "conductivity", "channel": 2, "fixedWaterCelsius": 15, "calibration": { "id": "ec", "bufferVolts": 1.0, "cellConstant": 1.1 } }""", "sensors:0:calibration:cellConstant (sensor 'conductivity', conductivity): give a buffer measurement (bufferVolts) or a cellConstant, not both")]
    [TestCase("""{ "type": "conductivity", "channel": 2, "fixedWaterCelsius": 15, "calibration": { "id": "ec", "bufferVolts": 0.3 } }""", "sensors:0:calibration:bufferVolts (sensor 'conductivity', conductivity): 0.3 V in a 1413 µS/cm buffer gives a cell constant of 5.")]
    [TestCase("""{ "type": "conductivity", "channel": 2, "fixedWaterCelsius": 15, "calibration": { "id": "ec", "cellConstant": 3 } }""", "sensors:0:calibration:cellConstant (sensor 'conductivity', conductivity): 3 is not a cell constant")]
    [TestCase("""{ "type": "conductivity", "channel": 2, "fixedWaterCelsius": 15, "calibration": { "id": "ec", "cellConstant": 1, "tdsFactor": 1.5 } }""", "sensors:0:calibration:tdsFactor (sensor 'conductivity', conductivity): 1.5 is not a TDS factor")]
    [TestCase("""{ "type": "conductivity", "channel": 2, "fixedWaterCelsius": 15, "calibration": { "id": "ec", "cellConstant": 1, "temperatureCoefficient": 0.2 } }""", "sensors:0:calibration:temperatureCoefficient (sensor 'conductivity', conductivity): 0.2 per kelvin is not between 0 and 0.05")]
    [TestCase("""{ "type": "conductivity", "channel": 2, "calibration": { "id": "ec", "cellConstant": 1 } }""", "sensors:0:temperatureSensor (sensor 'conductivity', conductivity) is missing; conductivity is compensated to 25 °C")]
    [TestCase("""{ "type": "conductivity", "channel": 2, "temperatureSensor": "river-temp", "calibration": { "id": "ec", "cellConstant": 1 } }""", "sensors:0:temperatureSensor (sensor 'conductivity', conductivity): there is no sensor named 'river-temp'")]
    [TestCase("""{ "type": "conductivity", "channel": 2, "fixedWaterCelsius": 60, "calibration": { "id": "ec", "cellConstant": 1 } }""", "sensors:0:fixedWaterCelsius (sensor 'conductivity', conductivity): 60 °C is not a river's temperature")]
    [TestCase("""{ "type": "ph", "channel": 0, "fixedWaterCelsius": 20, "calibration": { "id": "c", "points": [ { "ph": 7, "volts": 2 }, { "ph": 4, "volts": 1.5 } ] } }""", "sensors:0:fixedWaterCelsius (sensor 'ph', ph): a ph does not take fixedWaterCelsius")]
    [TestCase("""{ "type": "sds011", "port": "/dev/ttyUSB0", "dutyCycle": { "work": "20s", "sleep": "4m" } }""", "sensors:0:dutyCycle:work (sensor 'sds011', sds011) must be longer than the fan's 30s warm-up")]
    [TestCase("""{ "type": "sds011", "port": "/dev/ttyUSB0", "dutyCycle": { "work": "1m" } }""", "sensors:0:dutyCycle:sleep (sensor 'sds011', sds011) is missing")]
    [TestCase("""{ "type": "pms5003", "port": "/dev/serial0", "dutyCycle": { "work": "1m", "sleep": "0s" } }""", "sensors:0:dutyCycle:sleep (sensor 'pms5003', pms5003) must be between 1s and 1d (was 0s)")]
    [TestCase("""{ "type": "sds011", "port": "/dev/ttyUSB0", "interval": "1m", "dutyCycle": { "work": "1m", "sleep": "4m" } }""", "sensors:0:dutyCycle:work (sensor 'sds011', sds011): after the 30s warm-up the sensor measures for 30s, shorter than its interval (1m)")]
    [TestCase("""{ "type": "gps", "port": "/dev/serial0", "dutyCycle": { "work": "1m", "sleep": "4m" } }""", "sensors:0:dutyCycle (sensor 'gps', gps): a gps does not take dutyCycle")]
    [TestCase("""{ "type": "bme280", "name": "the air" }""", "sensors:0:name: 'the air' is not a usable sensor name")]
    [TestCase("""{ "type": "sds011", "port": "/dev/ttyUSB0", "interval": "1s", "averaging": "1500ms" }""", "sensors:0:averaging (sensor 'sds011', sds011) must be 0s")]
    [TestCase("""{ "type": "sds011", "port": "/dev/ttyUSB0", "interval": "2h" }""", "sensors:0:interval (sensor 'sds011', sds011) must be between 1s and 1h (was 2h)")]
    public void Validate_WrongSensor_NamesTheSettingAndTheFix(string sensor, string expected)
    {
        var problems = _config.Problems(WithSensors(sensor));

        Assert.That(problems, Has.One.StartsWith(expected));
        Assert.That(problems, Has.Count.EqualTo(1), string.Join(Environment.NewLine, problems));
    }

    [Test]
    public void Validate_TwoSensorsOnOneAddress_NamesBoth()
    {
        var problems = _config.Problems(WithSensors("""{ "type": "bme280", "name": "a" }, { "type": "bme280", "name": "b", "address": "0x76" }"""));

        Assert.That(problems, Is.EqualTo(new[]
        {
            "sensors:1:address (sensor 'b', bme280): address 0x76 on I2C bus 1 is already used by sensor 'a' (sensors:0); two sensors cannot share it: " +
            "give each its own address, channel or port, or set \"enabled\": false on one.",
        }));
    }

    [Test]
    public void Validate_DisabledSensorOnAMissingBus_IsNotAnError() =>
        Assert.That(_config.Problems(WithSensors("""{ "type": "bme280", "bus": 3, "enabled": false }""")), Is.Empty);

    [Test]
    public void Validate_SameNameTwice_Refuses() =>
        Assert.That(
            _config.Problems(WithSensors("""{ "type": "bme280", "name": "air" }, { "type": "sht4x", "name": "air" }""")),
            Has.One.StartsWith("sensors:1:name: the name 'air' is also the name of sensors:0"));

    [Test]
    public void Validate_SensorWithoutItsOwnSampling_IsCheckedAgainstTheDefaults()
    {
        var json = WithSensors("""{ "type": "bme280" }""").Replace("\"broker\": {", "\"sampling\": { \"interval\": \"2s\", \"averaging\": \"3s\" },\n  \"broker\": {", StringComparison.Ordinal);

        Assert.That(_config.Problems(json), Has.Some.StartsWith("sampling:averaging must be 0s"));
    }

    [Test]
    public void Validate_OneWireOn_AcceptsAnIdAsTheKernelListsIt()
    {
        _config.Existing.Add("/sys/bus/w1/devices");

        Assert.That(_config.Problems(WithSensors("""{ "type": "ds18b20", "oneWireId": "28-0316a2792aff" }""")), Is.Empty);
        Assert.That(_config.Problems(WithSensors("""{ "type": "ds18b20", "oneWireId": "0316a2792aff" }""")), Has.One.StartsWith("sensors:0:oneWireId"));
    }

    [Test]
    public void Validate_ProbesOfEveryKindInTheExampleShape_AreAccepted()
    {
        _config.Existing.Add("/sys/bus/w1/devices");
        var sensors = """
            { "type": "ds18b20", "name": "water-temp" },
            { "type": "ph", "name": "river-ph", "channel": 0, "calibration": { "id": "ph-3pt", "points": [ { "ph": 4.01, "volts": 1.52 }, { "ph": 6.86, "volts": 2.03 }, { "ph": 9.18, "volts": 2.45 } ] } },
            { "type": "turbidity", "name": "river-turbidity", "channel": 1, "dividerRatio": 1.5, "calibration": { "id": "turbidity-1", "clearWaterVolts": 4.15 } },
            { "type": "conductivity", "name": "river-ec", "channel": 2, "temperatureSensor": "water-temp",
              "calibration": { "id": "ec-1", "bufferMicrosiemens": 1413, "bufferVolts": 1.05, "bufferCelsius": 21.5, "tdsFactor": 0.64 } },
            { "type": "sds011", "name": "dust", "port": "/dev/ttyUSB0", "dutyCycle": { "work": "1m", "sleep": "4m" } }
            """;

        Assert.That(_config.Problems(WithSensors(sensors)), Is.Empty);
    }

    [Test]
    public void Validate_ConductivityCompensatedWithAThermometerListedAfterIt_AsksToMoveIt()
    {
        _config.Existing.Add("/sys/bus/w1/devices");
        var sensors = """
            { "type": "conductivity", "name": "ec", "channel": 2, "temperatureSensor": "water-temp", "calibration": { "id": "ec-1", "cellConstant": 1 } },
            { "type": "ds18b20", "name": "water-temp" }
            """;

        Assert.That(
            _config.Problems(WithSensors(sensors)),
            Is.EqualTo(new[]
            {
                "sensors:0:temperatureSensor (sensor 'ec', conductivity): the ds18b20 'water-temp' is listed after this probe (sensors:1); " +
                "move it before the probe, so that its temperature is known when the probe is read.",
            }));
    }

    [Test]
    public void Validate_ConductivityCompensatedWithAnAirSensor_Refuses() =>
        Assert.That(
            _config.Problems(WithSensors("""{ "type": "bme280", "name": "air" }, { "type": "conductivity", "channel": 2, "temperatureSensor": "air", "calibration": { "id": "ec", "cellConstant": 1 } }""")),
            Has.One.StartsWith("sensors:1:temperatureSensor (sensor 'conductivity', conductivity): 'air' is a bme280, not a ds18b20 in the water"));

    [Test]
    public void Validate_TwoProbesOnOneAds1115WithDifferentGains_NamesTheSecond() =>
        Assert.That(
            _config.Problems(WithSensors("""
                { "type": "turbidity", "name": "t", "channel": 1, "gain": 6.144, "calibration": { "id": "t", "clearWaterVolts": 4.2 } },
                { "type": "ph", "name": "p", "channel": 0, "calibration": { "id": "c", "points": [ { "ph": 7, "volts": 2 }, { "ph": 4, "volts": 1.5 } ] } }
                """)),
            Is.EqualTo(new[]
            {
                "sensors:1:gain (sensor 'p', ph): its ADS1115 is shared with sensor 't' (sensors:0), which uses gain 6.144; probes on one ADS1115 share its gain: give both the same.",
            }));

    private static string WithSensors(string sensors) =>
        BridgeConfig.Valid.Replace("""{ "type": "bme280", "name": "air", "bus": 1, "address": "0x76" }""", sensors, StringComparison.Ordinal);
}
