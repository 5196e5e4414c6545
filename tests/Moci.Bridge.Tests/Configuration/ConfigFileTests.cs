using Microsoft.Extensions.Configuration;
using Moci.Bridge.Configuration;

namespace Moci.Bridge.Tests.Configuration;

public sealed class ConfigFileTests
{
    private BridgeConfig _config = null!;

    [SetUp]
    public void SetUp() => _config = new BridgeConfig();

    [TearDown]
    public void TearDown() => _config.Dispose();

    [Test]
    public void Load_TheShippedTemplate_PassesEveryCheck()
    {
        var template = File.ReadAllText(Path.Combine(AppContext.BaseDirectory, "moci-bridge.example.json"));

        var problems = _config.Problems(template);

        Assert.That(problems, Is.Empty);
        Assert.That(_config.Options<SensorListOptions>(template).Sensors, Has.Count.GreaterThanOrEqualTo(8));
    }

    [Test]
    public void Load_MissingFile_SaysWhereTheTemplateIs()
    {
        var path = Path.Combine(_config.Folder, "nothing.json");

        var error = Assert.Throws<ConfigFileException>(() => ConfigFile.Load(path));

        Assert.That(error.Problems, Has.One.Contains("does not exist").And.Contains("moci-bridge.example.json").And.Contains("moci-bridge check"));
    }

    [Test]
    public void Load_BrokenJson_NamesTheLine()
    {
        var path = _config.Write("{\n  \"station\": { \"id\": \"a\" \"secret\": \"b\" }\n}");

        var error = Assert.Throws<ConfigFileException>(() => ConfigFile.Load(path));

        Assert.That(error.Problems, Has.One.Contains("not valid JSON at line 2"));
    }

    [TestCase("""{ "station": { "id": "a", "secrt": "b" } }""", "station:secrt: not a setting (did you mean 'secret'?)")]
    [TestCase("""{ "sensors": [ { "type": "bme280", "adress": "0x76" } ] }""", "sensors:0:adress: not a setting (did you mean 'address'?)")]
    [TestCase("""{ "sensor": [ ] }""", "sensor: not a section of the bridge's configuration (did you mean 'sensors'?)")]
    [TestCase("""{ "sampling": { "interval": "often" } }""", "sampling:interval: 'often' is not a duration")]
    [TestCase("""{ "sampling": { "interval": "60" } }""", "sampling:interval: '60' is not a duration")]
    [TestCase("""{ "sensors": [ { "type": "bme280", "bus": "one" } ] }""", "sensors:0:bus: 'one' is not a whole number")]
    [TestCase("""{ "sensors": { "type": "bme280" } }""", "sensors: expected a list")]
    [TestCase("""{ "station": "rrg-school-01" }""", "station: expected a block")]
    public void Load_WrongShape_NamesTheSetting(string json, string expected)
    {
        var path = _config.Write(json);

        var error = Assert.Throws<ConfigFileException>(() => ConfigFile.Load(path));

        Assert.That(error.Problems, Has.One.StartsWith(expected));
    }

    [Test]
    public void Load_ShortDurations_AreBoundAsTimeSpans()
    {
        var json = BridgeConfig.Valid.Replace("\"broker\": {", "\"sampling\": { \"interval\": \"1s\", \"averaging\": \"1h30m\" },\n  \"broker\": {", StringComparison.Ordinal);

        var sampling = _config.Options<SamplingOptions>(json);

        Assert.That(sampling.Interval, Is.EqualTo(TimeSpan.FromSeconds(1)));
        Assert.That(sampling.Averaging, Is.EqualTo(TimeSpan.FromMinutes(90)));
    }

    [Test]
    public void Load_CommentsAndTrailingCommas_AreAllowed()
    {
        var path = _config.Write("""
            // the station
            { "station": { "id": "rrg-school-01", /* who */ "secret": "s", }, }
            """);

        var configuration = ConfigFile.Load(path);

        Assert.That(configuration["station:id"], Is.EqualTo("rrg-school-01"));
    }
}
