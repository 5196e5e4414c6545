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
    [TestCase("""{ "type": "ph", "channel": 0 }""", "sensors:0:calibration (sensor 'ph', ph) is missing")]
    [TestCase("""{ "type": "ph", "calibration": { "id": "c", "points": [ { "volts": 2, "value": 7 }, { "volts": 1.5, "value": 4 } ] } }""", "sensors:0:channel (sensor 'ph', ph) is missing")]
    [TestCase("""{ "type": "ph", "channel": 4, "calibration": { "id": "c", "points": [ { "volts": 2, "value": 7 }, { "volts": 1.5, "value": 4 } ] } }""", "sensors:0:channel (sensor 'ph', ph): 4 is not an ADS1115 input")]
    [TestCase("""{ "type": "ph", "channel": 0, "calibration": { "id": "c", "points": [ { "volts": 2, "value": 7 } ] } }""", "sensors:0:calibration:points (sensor 'ph', ph): a ph calibration takes 2 to 3 points (was 1)")]
    [TestCase("""{ "type": "ph", "channel": 0, "calibration": { "id": "c", "points": [ { "volts": 2, "value": 7 }, { "volts": 2, "value": 4 } ] } }""", "sensors:0:calibration:points:1:volts (sensor 'ph', ph): points 0 and 1 have the same voltage")]
    [TestCase("""{ "type": "ph", "channel": 0, "calibration": { "id": "c", "points": [ { "volts": 2, "value": 7 }, { "volts": 1, "value": 15 } ] } }""", "sensors:0:calibration:points:1:value (sensor 'ph', ph): pH 15 is not between 0 and 14")]
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

    private static string WithSensors(string sensors) =>
        BridgeConfig.Valid.Replace("""{ "type": "bme280", "name": "air", "bus": 1, "address": "0x76" }""", sensors, StringComparison.Ordinal);
}
