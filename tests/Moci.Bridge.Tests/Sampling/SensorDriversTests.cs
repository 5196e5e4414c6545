using Iot.Device.Ads1115;
using Microsoft.Extensions.Time.Testing;
using Moci.Bridge.Configuration;
using Moci.Bridge.Sampling;
using Moci.Bridge.Sensors;
using Moci.Bridge.Tests.Configuration;
using Moci.Bridge.Tests.Sensors.Support;
using Moci.Telemetry.Metrics;

namespace Moci.Bridge.Tests.Sampling;

public sealed class SensorDriversTests
{
    private BridgeConfig _config = null!;

    [SetUp]
    public void SetUp()
    {
        _config = new BridgeConfig();
        _config.Existing.Add("/sys/bus/w1/devices");
    }

    [TearDown]
    public void TearDown() => _config.Dispose();

    [Test]
    public void Open_SerialSensorOnAPortThatIsNotThere_SaysWhatToCheck()
    {
        var options = new SensorOptions { Type = "sds011", Name = "dust", Port = "/dev/ttyUSB-moci-test-absent" };

        var error = Assert.Throws<SensorException>(() => SensorDrivers.ForStation().Open(options).Dispose());

        Assert.That(error.Message, Does.Contain("'dust': cannot open serial port /dev/ttyUSB-moci-test-absent").And.Contain("dialout"));
    }

    [Test]
    public void Open_DriverFailingWithAnIoError_IsASensorExceptionNamingTheSensor()
    {
        var drivers = new SensorDrivers(new Dictionary<string, Func<SensorOptions, ISensor>> { ["bme280"] = _ => throw new IOException("No such device") });

        var error = Assert.Throws<SensorException>(() => drivers.Open(new SensorOptions { Type = "BME280", Name = "air" }));

        Assert.That(error.Message, Is.EqualTo("sensor 'air' (BME280) cannot be opened: No such device"));
    }

    [Test]
    public async Task Open_PhProbeFromTheConfiguration_ReadsThePhOfItsBuffersThroughTheDivider()
    {
        var adc = new SimulatedAds1115(0x49);
        var opened = new List<(int Bus, int Address)>();
        var drivers = SensorDrivers.ForStation((bus, address) =>
        {
            opened.Add((bus, address));
            return adc;
        });
        var options = Sensor("""
            { "type": "ph", "name": "river-ph", "address": "0x49", "channel": 3, "dividerRatio": 1.5,
              "calibration": { "id": "ph-2pt-2026-11-20", "points": [ { "ph": 6.86, "volts": 2.03 }, { "ph": 4.01, "volts": 1.52 } ] } }
            """);
        adc.SetVolts(InputMultiplexer.AIN3, 1.775 / 1.5);

        using var probe = drivers.Open(options);
        var values = await probe.ReadAsync(CancellationToken.None);

        Assert.That(opened, Is.EqualTo(new[] { (1, 0x49) }));
        Assert.That(values, Has.Count.EqualTo(1));
        Assert.That(values[0].Metric, Is.EqualTo(MetricCatalogue.Ph));
        Assert.That(values[0].Value, Is.EqualTo(5.435).Within(0.005));
        Assert.That(values[0].Calibration, Is.EqualTo("ph-2pt-2026-11-20"));
    }

    [Test]
    public async Task Open_TurbidityProbeFromTheConfiguration_ScalesByItsClearWaterVoltage()
    {
        var adc = new SimulatedAds1115();
        var drivers = SensorDrivers.ForStation((_, _) => adc);
        var options = Sensor("""
            { "type": "turbidity", "name": "river-turbidity", "channel": 1, "dividerRatio": 1.5, "calibration": { "id": "turbidity-2026-11-20", "clearWaterVolts": 4.0 } }
            """);
        adc.SetVolts(InputMultiplexer.AIN1, 3.5 / 1.5);

        using var probe = drivers.Open(options);
        var values = await probe.ReadAsync(CancellationToken.None);

        Assert.That(values.Select(v => (v.Metric, v.Calibration)), Is.EqualTo(new[] { (MetricCatalogue.Turbidity, "turbidity-2026-11-20") }));
        Assert.That(values[0].Value, Is.EqualTo(1617.8).Within(1.5));
    }

    [Test]
    public async Task Open_ConductivityProbeCalibratedInA1413Buffer_ReadsTheBufferAsItsValueCompensatedByItsDs18b20()
    {
        var devices = Directory.CreateDirectory(Path.Combine(_config.Folder, "w1")).FullName;
        var thermometerFolder = Directory.CreateDirectory(Path.Combine(devices, "28-0316a2794cff")).FullName;
        File.WriteAllText(Path.Combine(thermometerFolder, "w1_slave"), "90 01 4b 46 7f ff 0c 10 1c : crc=1c YES\n90 01 4b 46 7f ff 0c 10 1c t=25000\n");
        var adc = new SimulatedAds1115();
        adc.SetVolts(InputMultiplexer.AIN2, 1.0);
        var drivers = SensorDrivers.ForStation((_, _) => adc, devices, new FakeTimeProvider(DateTimeOffset.Parse("2026-11-20T10:00:00Z", null)));
        var sensors = Sensors("""
            { "type": "ds18b20", "name": "water-temp" },
            { "type": "conductivity", "name": "river-ec", "channel": 2, "temperatureSensor": "water-temp",
              "calibration": { "id": "ec-2026-11-20", "bufferMicrosiemens": 1413, "bufferVolts": 1.0, "bufferCelsius": 25, "tdsFactor": 0.64 } }
            """);
        using var thermometer = drivers.Open(sensors[0]);
        using var probe = drivers.Open(sensors[1]);

        var before = await Assert.ThrowsAsync<SensorException>(async () => await probe.ReadAsync(CancellationToken.None));
        await thermometer.ReadAsync(CancellationToken.None);
        var values = await probe.ReadAsync(CancellationToken.None);

        Assert.That(before!.Message, Does.StartWith("conductivity probe 'river-ec': no recent water temperature from DS18B20 'water-temp'"));
        Assert.That(values.Select(v => v.Metric), Is.EqualTo(new[] { MetricCatalogue.Conductivity, MetricCatalogue.TotalDissolvedSolids }));
        Assert.That(values[0].Value, Is.EqualTo(1413).Within(0.5));
        Assert.That(values[1].Value, Is.EqualTo(1413 * 0.64).Within(0.5));
        Assert.That(values.Select(v => v.Calibration), Has.All.EqualTo("ec-2026-11-20"));
    }

    [Test]
    public async Task Open_ConductivityProbeWithAFixedTemperature_CompensatesWithIt()
    {
        var adc = new SimulatedAds1115();
        adc.SetVolts(InputMultiplexer.AIN0, 1.0);
        var drivers = SensorDrivers.ForStation((_, _) => adc);
        var options = Sensor("""
            { "type": "conductivity", "name": "ec", "channel": 0, "fixedWaterCelsius": 15, "calibration": { "id": "ec-k", "cellConstant": 1 } }
            """);

        using var probe = drivers.Open(options);
        var values = await probe.ReadAsync(CancellationToken.None);

        // 734.95 µS/cm at 15 °C on the vendor's curve, over 1 + 0.02 × (15 − 25).
        Assert.That(values[0].Value, Is.EqualTo(734.95 / 0.8).Within(0.2));
    }

    [Test]
    public void Open_TwoProbesOnOneAds1115_ShareItUntilTheLastIsClosed()
    {
        var adc = new SimulatedAds1115();
        var opens = 0;
        var drivers = SensorDrivers.ForStation((_, _) =>
        {
            opens++;
            return adc;
        });
        var sensors = Sensors("""
            { "type": "ph", "name": "p", "channel": 0, "calibration": { "id": "c", "points": [ { "ph": 7, "volts": 2 }, { "ph": 4, "volts": 1.5 } ] } },
            { "type": "turbidity", "name": "t", "channel": 1, "calibration": { "id": "t", "clearWaterVolts": 4.2 } }
            """);

        var ph = drivers.Open(sensors[0]);
        var turbidity = drivers.Open(sensors[1]);
        ph.Dispose();
        var afterOne = opens;
        turbidity.Dispose();
        using var again = drivers.Open(sensors[0]);

        Assert.That((afterOne, opens), Is.EqualTo((1, 2)));
    }

    private SensorOptions Sensor(string json) => Sensors(json)[0];

    private List<SensorOptions> Sensors(string json)
    {
        var config = BridgeConfig.Valid.Replace("""{ "type": "bme280", "name": "air", "bus": 1, "address": "0x76" }""", json, StringComparison.Ordinal);
        Assert.That(_config.Problems(config), Is.Empty);
        return _config.Options<SensorListOptions>(config).Sensors;
    }
}
