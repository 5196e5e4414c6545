using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using Moci.Ingest.Options;
using Moci.Ingest.Storage;
using Moci.Ingest.Storage.Influx;
using Moci.Ingest.Tests.Support;

namespace Moci.Ingest.Tests.Options;

public sealed class StorageOptionsValidatorTests
{
    private static StorageOptions Influx(string url = "http://localhost:8086", string? token = "t0ken", string? tokenFile = null, string org = "school", string bucket = "moci") =>
        new() { Kind = StorageKind.InfluxDB, InfluxDB = new StorageOptionsInfluxDB { Url = url, Token = token, TokenFile = tokenFile, Org = org, Bucket = bucket } };

    private static IEnumerable<string> Failures(StorageOptions options) => new StorageOptionsValidator().Validate(null, options).Failures ?? [];

    [Test]
    public void Defaults_SqliteWithoutInfluxSettings_AreValid()
    {
        var options = new StorageOptions();

        Assert.That(options.Kind, Is.EqualTo(StorageKind.Sqlite));
        Assert.That(Failures(options), Is.Empty);
    }

    [Test]
    public void Validate_CompleteInfluxSettings_Succeed()
    {
        Assert.That(Failures(Influx()), Is.Empty);
        Assert.That(Failures(Influx(url: "https://influx.school.al:8086", token: null, tokenFile: "secrets/influx.token")), Is.Empty);
    }

    [TestCase("localhost:8086", "Storage:InfluxDB:Url must be the http:// or https:// address of InfluxDB 2.x, such as http://localhost:8086 (was 'localhost:8086').")]
    [TestCase("ftp://host", "Storage:InfluxDB:Url must be the http:// or https:// address of InfluxDB 2.x, such as http://localhost:8086 (was 'ftp://host').")]
    [TestCase("", "Storage:InfluxDB:Url must be the http:// or https:// address of InfluxDB 2.x, such as http://localhost:8086 (was '').")]
    public void Validate_BadUrl_NamesTheSetting(string url, string failure)
    {
        Assert.That(Failures(Influx(url: url)), Is.EqualTo(new[] { failure }));
    }

    [TestCase(null, null, "Storage:InfluxDB:Token (or Storage:InfluxDB:TokenFile, a file holding it) must give an API token with read and write access to the bucket.")]
    [TestCase("t0ken", "influx.token", "Give either Storage:InfluxDB:Token or Storage:InfluxDB:TokenFile, not both.")]
    public void Validate_NoTokenOrTwo_NamesTheSettings(string? token, string? tokenFile, string failure)
    {
        Assert.That(Failures(Influx(token: token, tokenFile: tokenFile)), Is.EqualTo(new[] { failure }));
    }

    [Test]
    public void Validate_NoOrgNorBucket_NamesBoth()
    {
        Assert.That(Failures(Influx(org: " ", bucket: "")), Is.EqualTo(new[]
        {
            "Storage:InfluxDB:Org must name the InfluxDB organisation (its name or id).",
            "Storage:InfluxDB:Bucket must name the bucket the readings go to.",
        }));
    }

    [Test]
    public void Validate_SqliteKind_IgnoresInfluxSettings()
    {
        var options = Influx(url: "nonsense");
        options.Kind = StorageKind.Sqlite;

        Assert.That(Failures(options), Is.Empty);
    }

    private static IHost BuildHub(HubFactory hub)
    {
        var builder = Host.CreateApplicationBuilder();
        builder.Configuration.AddInMemoryCollection(hub.Settings);
        builder.Logging.ClearProviders();
        builder.AddIngest();
        return builder.Build();
    }

    private static Dictionary<string, string?> InfluxSettings(string url, string? token = "t0ken") => new()
    {
        ["Storage:Kind"] = "InfluxDB",
        ["Storage:InfluxDB:Url"] = url,
        ["Storage:InfluxDB:Token"] = token,
        ["Storage:InfluxDB:Org"] = "school",
        ["Storage:InfluxDB:Bucket"] = "moci",
    };

    [Test]
    public void Start_InfluxUrlMissing_StopsTheHubNamingIt()
    {
        using var hub = new HubFactory(InfluxSettings(url: ""));
        using var host = BuildHub(hub);

        Assert.That(() => host.Start(), Throws.InstanceOf<OptionsValidationException>().With.Message.Contains("Storage:InfluxDB:Url must be"));
    }

    [Test]
    public void Start_NothingAtTheInfluxUrl_StopsTheHubNamingIt()
    {
        using var hub = new HubFactory(InfluxSettings($"http://127.0.0.1:{FreePort.Next()}"));
        using var host = BuildHub(hub);

        Assert.That(() => host.Start(), Throws.InvalidOperationException.With.Message.StartsWith("Storage:InfluxDB:Url "));
    }

    [Test]
    public async Task Start_TokenTheServerRefuses_StopsTheHubNamingIt()
    {
        await using var influx = await InfluxStandIn.StartAsync();
        influx.FailWith = 401;
        using var hub = new HubFactory(InfluxSettings(influx.Url));
        using var host = BuildHub(hub);

        Assert.That(() => host.Start(), Throws.InvalidOperationException.With.Message.StartsWith("Storage:InfluxDB:Token is not accepted"));
    }

    [Test]
    public async Task Start_InfluxKind_StoresReadingsInInfluxAndKeepsTheRegistryInSqlite()
    {
        await using var influx = await InfluxStandIn.StartAsync();
        influx.BucketsJson = """{"buckets":[{"id":"00000000000000b1","orgID":"0000000000000001","name":"moci","type":"user","retentionRules":[]}]}""";
        influx.OrgsJson = """{"orgs":[{"id":"0000000000000001","name":"school"}]}""";
        using var hub = new HubFactory(InfluxSettings(influx.Url));
        using var host = BuildHub(hub);

        await host.StartAsync();
        try
        {
            Assert.That(host.Services.GetRequiredService<IReadingStore>(), Is.InstanceOf<InfluxReadingStore>());
            Assert.That(File.Exists(hub.DatabasePath), Is.True, "the registry and dead letters stay in the hub's SQLite file");
        }
        finally
        {
            await host.StopAsync();
        }
    }
}
