using Microsoft.Extensions.Time.Testing;
using Moci.Bridge.Sensors;
using Moci.Bridge.Sensors.Water;
using Moci.Telemetry.Metrics;

namespace Moci.Bridge.Tests.Sensors.Water;

// One instance per test: each gets its own clock and port.
[FixtureLifeCycle(LifeCycle.InstancePerTestCase)]
public sealed class Ds18b20SensorTests
{
    private const string ProbeId = "28-0316a2794cff";

    private readonly FakeTimeProvider _time = new(new DateTimeOffset(2026, 11, 20, 8, 0, 0, TimeSpan.Zero));
    private string _devices = null!;

    [SetUp]
    public void CreateBus() => _devices = Directory.CreateTempSubdirectory("moci-w1-").FullName;

    [TearDown]
    public void DeleteBus() => Directory.Delete(_devices, recursive: true);

    /// <summary>
    /// What the Linux w1_therm driver writes to w1_slave: the nine scratchpad bytes, the CRC and YES or NO, then the
    /// bytes again and the temperature in millidegrees. The scratchpad's first two bytes are the temperature register
    /// (DS18B20 datasheet, table 1: 0x0191 = +25.0625 °C; 0x0550 = +85 °C, its power-on value).
    /// </summary>
    private void Probe(string id, string temperatureRegister, int millidegrees, bool crcOk = true)
    {
        var folder = Directory.CreateDirectory(Path.Combine(_devices, id)).FullName;
        var scratchpad = $"{temperatureRegister} 4b 46 7f ff 0c 10 1c";
        File.WriteAllText(
            Path.Combine(folder, "w1_slave"),
            $"{scratchpad} : crc=1c {(crcOk ? "YES" : "NO")}\n{scratchpad} t={millidegrees}\n");
    }

    private Ds18b20Sensor Sensor(string? id = ProbeId) => new("water-temp", id, _time, _devices);

    [Test]
    public async Task ReadAsync_DatasheetValue_GivesWaterTemperature()
    {
        Probe(ProbeId, "91 01", 25062);
        using var sensor = Sensor();

        var values = await sensor.ReadAsync(CancellationToken.None);

        Assert.That(values, Is.EqualTo(new[] { new Measurement(MetricCatalogue.WaterTemperature, 25.062) }));
    }

    [Test]
    public async Task ReadAsync_OnlyOneProbeAndNoIdConfigured_ReadsThatProbe()
    {
        Probe(ProbeId, "50 fe", -27000 + 1000);
        using var sensor = Sensor(id: null);

        var values = await sensor.ReadAsync(CancellationToken.None);

        Assert.That(values.Single().Value, Is.EqualTo(-26.0));
    }

    [Test]
    public async Task ReadAsync_PowerOnValue85_Rejects()
    {
        Probe(ProbeId, "50 05", 85000);
        using var sensor = Sensor();

        var ex = await Assert.ThrowsAsync<SensorException>(async () => await sensor.ReadAsync(CancellationToken.None));

        Assert.That(ex!.Message, Does.Contain("85 °C").And.Contain("power-on value"));
        Assert.That(ex.DeviceMissing, Is.False);
    }

    [Test]
    public async Task ReadAsync_Disconnected127_Rejects()
    {
        Probe(ProbeId, "10 f8", -127000);
        using var sensor = Sensor();

        var ex = await Assert.ThrowsAsync<SensorException>(async () => await sensor.ReadAsync(CancellationToken.None));

        Assert.That(ex!.Message, Does.Contain("−127 °C").And.Contain("GPIO 4, pin 7"));
        Assert.That(ex.DeviceMissing, Is.True);
    }

    [Test]
    public async Task ReadAsync_CrcMismatch_Rejects()
    {
        Probe(ProbeId, "91 01", 25062, crcOk: false);
        using var sensor = Sensor();

        var ex = await Assert.ThrowsAsync<SensorException>(async () => await sensor.ReadAsync(CancellationToken.None));

        Assert.That(ex!.Message, Does.Contain("bad CRC"));
    }

    [Test]
    public async Task ReadAsync_ConfiguredProbeAbsent_ThrowsListingTheProbesFound()
    {
        Probe("28-000000000001", "91 01", 25062);
        using var sensor = Sensor();

        var ex = await Assert.ThrowsAsync<SensorException>(async () => await sensor.ReadAsync(CancellationToken.None));

        Assert.That(ex!.Message, Does.Contain($"no probe {ProbeId}").And.Contain("28-000000000001"));
    }

    [Test]
    public async Task ReadAsync_NoOneWireBus_ThrowsNamingTheOverlay()
    {
        using var sensor = new Ds18b20Sensor("water-temp", null, _time, Path.Combine(_devices, "missing"));

        var ex = await Assert.ThrowsAsync<SensorException>(async () => await sensor.ReadAsync(CancellationToken.None));

        Assert.That(ex!.Message, Does.Contain("dtoverlay=w1-gpio"));
    }

    [Test]
    public async Task ReadAsync_TwoProbesAndNoIdConfigured_ThrowsAskingForTheId()
    {
        Probe(ProbeId, "91 01", 25062);
        Probe("28-000000000001", "91 01", 25062);
        using var sensor = Sensor(id: null);

        var ex = await Assert.ThrowsAsync<SensorException>(async () => await sensor.ReadAsync(CancellationToken.None));

        Assert.That(ex!.Message, Does.Contain("2 DS18B20").And.Contain("by its id"));
    }

    [Test]
    public async Task ReadAsync_ProbeUnpluggedAfterAReading_ThrowsThenFindsItAgain()
    {
        Probe(ProbeId, "91 01", 25062);
        using var sensor = Sensor();
        await sensor.ReadAsync(CancellationToken.None);
        Directory.Delete(Path.Combine(_devices, ProbeId), recursive: true);

        var ex = await Assert.ThrowsAsync<SensorException>(async () => await sensor.ReadAsync(CancellationToken.None));
        Assert.That(ex!.Message, Does.Contain("is gone"));

        Probe(ProbeId, "91 01", 14500);
        Assert.That((await sensor.ReadAsync(CancellationToken.None)).Single().Value, Is.EqualTo(14.5));
    }

    [Test]
    public async Task TryGetCelsius_LastValueOlderThanTheMaximumAge_GivesNone()
    {
        Probe(ProbeId, "91 01", 25062);
        using var sensor = Sensor();
        await sensor.ReadAsync(CancellationToken.None);

        Assert.That(sensor.TryGetCelsius(out var celsius), Is.True);
        Assert.That(celsius, Is.EqualTo(25.062));

        _time.Advance(TimeSpan.FromMinutes(10.5));
        Assert.That(sensor.TryGetCelsius(out _), Is.False);
    }
}
