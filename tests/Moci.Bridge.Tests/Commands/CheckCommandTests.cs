using Iot.Device.Ads1115;
using Moci.Bridge.Configuration;
using Moci.Bridge.Sensors;
using Moci.Bridge.Sensors.Water;
using Moci.Bridge.Tests.Configuration;
using Moci.Bridge.Tests.Sensors.Support;
using Moci.Bridge.Tests.Sensors.Water;
using Moci.Telemetry.Metrics;
using MQTTnet.Protocol;
using MQTTnet.Server;

namespace Moci.Bridge.Tests.Commands;

public sealed class CheckCommandTests
{
    private BridgeConfig _config = null!;
    private MqttServer _broker = null!;
    private int _port;

    [SetUp]
    public async Task SetUp()
    {
        _config = new BridgeConfig();
        _port = FreePort.Next();
        _broker = new MqttServerFactory().CreateMqttServer(new MqttServerOptionsBuilder().WithDefaultEndpoint().WithDefaultEndpointPort(_port).Build());
        _broker.ValidatingConnectionAsync += e =>
        {
            if (e.UserName != "rrg-school-01" || e.Password != "s3cret")
            {
                e.ReasonCode = MqttConnectReasonCode.BadUserNameOrPassword;
            }

            return Task.CompletedTask;
        };
        await _broker.StartAsync();
    }

    [TearDown]
    public async Task TearDown()
    {
        await _broker.StopAsync(new MqttServerStopOptions());
        _broker.Dispose();
        _config.Dispose();
    }

    [Test]
    public async Task Check_SensorGivesValuesAndBrokerTakesTheStation_ExitsZero()
    {
        var outcome = await CheckAsync("s3cret", Bme280Giving(() => [new Measurement(MetricCatalogue.Temperature, 21.5)]));

        Assert.That(outcome.ExitCode, Is.Zero, outcome.Out + outcome.Error);
        Assert.That(outcome.Out, Does.Match(@"air \(bme280\)\s+ok\s+temperature 21\.5"));
        Assert.That(outcome.Out, Does.Match($@"broker mqtt://127\.0\.0\.1:{_port}\s+ok\s+connected as rrg-school-01"));
        Assert.That(outcome.Out, Does.Contain("Everything works."));
    }

    [Test]
    public async Task Check_WrongSecret_ExitsThreeWithAHintAboutTheSecret()
    {
        var outcome = await CheckAsync("wrong", Bme280Giving(() => [new Measurement(MetricCatalogue.Temperature, 21.5)]));

        Assert.That(outcome.ExitCode, Is.EqualTo(3));
        Assert.That(outcome.Out, Does.Match(@"broker mqtt://\S+\s+FAILED\s+the broker refused station rrg-school-01"));
        Assert.That(outcome.Out, Does.Contain("hint:   check station:id and station:secret").And.Contain("moci stations rotate-secret rrg-school-01"));
        Assert.That(outcome.Out, Does.Contain("1 of 2 do not work"));
    }

    [Test]
    public async Task Check_SensorFault_ExitsThreeWithTheWiringHint()
    {
        var outcome = await CheckAsync("s3cret", Bme280Giving(() => throw new SensorException("BME280 at 0x76 on /dev/i2c-1 does not answer")));

        Assert.That(outcome.ExitCode, Is.EqualTo(3));
        Assert.That(outcome.Out, Does.Match(@"air \(bme280\)\s+FAILED\s+BME280 at 0x76 on /dev/i2c-1 does not answer"));
        Assert.That(outcome.Out, Does.Contain("hint:   wiring: VIN to 3V3 (pin 1)"));
    }

    [Test]
    public async Task Check_NoDriverForTheType_IsAFailureNotACrash()
    {
        var outcome = await CheckAsync("s3cret", new Dictionary<string, Func<SensorOptions, ISensor>>());

        Assert.That(outcome.ExitCode, Is.EqualTo(3));
        Assert.That(outcome.Out, Does.Contain("has no driver for bme280"));
    }

    [Test]
    public async Task Check_NothingListensOnThePort_HintsAtTheHubAndPort()
    {
        var closed = FreePort.Next();
        var path = _config.Write(Config("s3cret", closed));

        var outcome = await CliRun.RunAsync(["check", "--config", path], Bme280Giving(() => [new Measurement(MetricCatalogue.Temperature, 20)]));

        Assert.That(outcome.ExitCode, Is.EqualTo(3));
        Assert.That(outcome.Out, Does.Contain($"nothing listens on port {closed} of 127.0.0.1: is the hub running"));
    }

    [Test]
    public async Task Check_WrongSetting_ExitsTwoNamingItBeforeProbingAnything()
    {
        var path = _config.Write(Config("s3cret", _port).Replace("\"0x76\"", "\"0x40\"", StringComparison.Ordinal));

        var outcome = await CliRun.RunAsync(["check", "--config", path], Bme280Giving(() => throw new AssertionException("probed")));

        Assert.That(outcome.ExitCode, Is.EqualTo(2));
        Assert.That(outcome.Error, Does.Contain("sensors:0:address (sensor 'air', bme280): 0x40 is not an address"));
        Assert.That(outcome.Out, Is.Empty);
    }

    [Test]
    public async Task Check_MissingFile_ExitsTwo()
    {
        var outcome = await CliRun.RunAsync(["check", "--config", Path.Combine(_config.Folder, "none.json")]);

        Assert.That(outcome.ExitCode, Is.EqualTo(2));
        Assert.That(outcome.Error, Does.Contain("does not exist. Start from the template"));
    }

    [Test]
    public async Task Check_Raw_PrintsTheProbesVoltsBeforeCalibrationAndOtherSensorsFullValues()
    {
        var adc = new SimulatedAds1115();
        adc.SetVolts(InputMultiplexer.AIN0, 1.1775);
        using var converter = new Ads1115Converter(adc);
        var drivers = Bme280Giving(() => [new Measurement(MetricCatalogue.Temperature, 21.456789)]);
        drivers["ph"] = options => new PhProbe(options.DisplayName, new AnalogInput(converter, InputMultiplexer.AIN0, dividerRatio: 1.5), PhCalibrationTests.TwoPoint);

        var outcome = await CliRun.RunAsync(["check", "--raw", "--config", _config.Write(ConfigWithPhProbe())], drivers);

        Assert.That(outcome.ExitCode, Is.Zero, outcome.Out + outcome.Error);
        Assert.That(outcome.Out, Does.Match(@"river-ph \(ph\)\s+ok\s+ph 5\.5"), "the table as without --raw");
        Assert.That(outcome.Out, Does.Match(@"\nRAW\s+VALUES BEFORE CALIBRATION\n"));
        Assert.That(outcome.Out, Does.Match(@"\nriver-ph \(ph\)\s+probe 1\.76625 V, AIN0 input 1\.1775 V\n"));
        Assert.That(outcome.Out, Does.Match(@"\nair \(bme280\)\s+temperature 21\.45679 °C\n"));
    }

    [Test]
    public async Task Check_RawOfAProbeItsCalibrationRefuses_StillPrintsItsVolts()
    {
        // 0.1 V at the input is 0.15 V at the probe, pH 14.6 by the calibration: refused, and just what a student needs to see.
        var adc = new SimulatedAds1115();
        adc.SetVolts(InputMultiplexer.AIN0, 0.1);
        using var converter = new Ads1115Converter(adc);
        var drivers = Bme280Giving(() => [new Measurement(MetricCatalogue.Temperature, 20)]);
        drivers["ph"] = options => new PhProbe(options.DisplayName, new AnalogInput(converter, InputMultiplexer.AIN0, dividerRatio: 1.5), PhCalibrationTests.TwoPoint);

        var outcome = await CliRun.RunAsync(["check", "--raw", "--config", _config.Write(ConfigWithPhProbe())], drivers);

        Assert.That(outcome.ExitCode, Is.EqualTo(3));
        Assert.That(outcome.Out, Does.Match(@"river-ph \(ph\)\s+FAILED\s+pH probe 'river-ph'.*outside 0–14"));
        Assert.That(outcome.Out, Does.Match(@"\nriver-ph \(ph\)\s+probe 0\.15 V, AIN0 input 0\.1 V\n"));
    }

    [Test]
    public async Task Check_WithoutRaw_PrintsNoRawValues()
    {
        var outcome = await CheckAsync("s3cret", Bme280Giving(() => [new Measurement(MetricCatalogue.Temperature, 21.456789)]));

        Assert.That(outcome.ExitCode, Is.Zero, outcome.Out + outcome.Error);
        Assert.That(outcome.Out, Does.Not.Contain("VALUES BEFORE CALIBRATION").And.Not.Contain("21.45679"));
    }

    private string ConfigWithPhProbe() => $$"""
        {
          "station": { "id": "rrg-school-01", "secret": "s3cret" },
          "broker": { "uri": "mqtt://127.0.0.1:{{_port}}" },
          "sensors": [
            { "type": "bme280", "name": "air", "address": "0x76" },
            {
              "type": "ph", "name": "river-ph", "address": "0x48", "channel": 0, "dividerRatio": 1.5,
              "calibration": { "id": "ph-2026-11-20", "points": [ { "ph": 7.0, "volts": 1.5 }, { "ph": 4.0, "volts": 2.03244 } ] }
            }
          ]
        }
        """;

    private Task<CliRun.Outcome> CheckAsync(string secret, IReadOnlyDictionary<string, Func<SensorOptions, ISensor>> drivers) =>
        CliRun.RunAsync(["check", "--config", _config.Write(Config(secret, _port))], drivers);

    private static Dictionary<string, Func<SensorOptions, ISensor>> Bme280Giving(Func<IReadOnlyList<Measurement>> read) =>
        new() { ["bme280"] = options => new FakeSensor(options.DisplayName, read) };

    private static string Config(string secret, int port) => $$"""
        {
          "station": { "id": "rrg-school-01", "secret": "{{secret}}" },
          "broker": { "uri": "mqtt://127.0.0.1:{{port}}" },
          "sensors": [ { "type": "bme280", "name": "air", "address": "0x76" } ]
        }
        """;
}
