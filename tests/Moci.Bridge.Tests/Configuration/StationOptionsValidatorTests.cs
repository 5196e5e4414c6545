namespace Moci.Bridge.Tests.Configuration;

public sealed class StationOptionsValidatorTests
{
    private BridgeConfig _config = null!;

    [SetUp]
    public void SetUp() => _config = new BridgeConfig();

    [TearDown]
    public void TearDown() => _config.Dispose();

    [TestCase("""{ "id": "rrg-school-01" }""", "station:secret is missing")]
    [TestCase("""{ "id": "rrg-school-01", "secret": "  " }""", "station:secret is missing")]
    [TestCase("""{ "id": "rrg-school-01", "secret": "s", "secretFile": "/etc/moci/secret" }""", "station:secret and station:secretFile are both set")]
    [TestCase("""{ "id": "rrg-school-01", "secretFile": "/etc/moci/none" }""", "station:secretFile: /etc/moci/none does not exist")]
    [TestCase("""{ "id": "rrg-school-01", "secretFile": "/etc/moci/empty" }""", "station:secretFile: /etc/moci/empty is empty")]
    [TestCase("""{ "id": "", "secret": "s" }""", "station:id:")]
    [TestCase("""{ "id": "RRG School", "secret": "s" }""", "station:id:")]
    public void Validate_BadIdOrSecret_NamesTheSettingAndTheFix(string station, string expected)
    {
        _config.Files["/etc/moci/secret"] = "s3cret\n";
        _config.Files["/etc/moci/empty"] = "\n";

        var problems = _config.Problems(WithStation(station));

        Assert.That(problems, Has.One.StartsWith(expected));
        Assert.That(problems, Has.Count.EqualTo(1));
    }

    [Test]
    public void Validate_MissingSecret_SaysWhereTheHubPrintsIt() =>
        Assert.That(_config.Problems(WithStation("""{ "id": "rrg-school-01" }""")), Has.One.Contains("moci stations add").And.Contains("station:secretFile"));

    [Test]
    public void Validate_SecretFileThatCanBeRead_Passes()
    {
        _config.Files["/etc/moci/secret"] = "s3cret\n";

        Assert.That(_config.Problems(WithStation("""{ "id": "rrg-school-01", "secretFile": "/etc/moci/secret" }""")), Is.Empty);
    }

    private static string WithStation(string station) =>
        BridgeConfig.Valid.Replace("""{ "id": "rrg-school-01", "secret": "s3cret" }""", station, StringComparison.Ordinal);
}
