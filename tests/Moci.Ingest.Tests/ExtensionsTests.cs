using System.Net;
using System.Net.Sockets;
using System.Text.Json;
using Moci.Ingest.Tests.Support;

namespace Moci.Ingest.Tests;

public sealed class ExtensionsTests
{
    private static HubFactory ReaderOnly() => new(new Dictionary<string, string?> { ["Intake:Enabled"] = "false" });

    [Test]
    public async Task AddIngest_IntakeDisabled_ReadyWithTheStoreAlone()
    {
        using var hub = ReaderOnly();
        using var http = hub.CreateClient();

        var response = await http.GetAsync("/readyz");
        using var body = JsonDocument.Parse(await response.Content.ReadAsStringAsync());

        Assert.That(response.StatusCode, Is.EqualTo(HttpStatusCode.OK));
        Assert.That(body.RootElement.GetProperty("checks").EnumerateObject().Select(c => c.Name), Is.EqualTo(new[] { "store" }));
    }

    [Test]
    public async Task AddIngest_IntakeDisabled_StartsNoEmbeddedBroker()
    {
        using var hub = ReaderOnly();
        using var http = hub.CreateClient();
        using var tcp = new TcpClient();

        Assert.That(http.BaseAddress, Is.Not.Null, "the host is started");
        await Assert.ThatAsync(() => tcp.ConnectAsync("127.0.0.1", hub.BrokerPort), Throws.InstanceOf<SocketException>());
    }

    [TestCase("true", 2)]
    [TestCase("false", 0)]
    public async Task AddIngest_ConfiguredStations_AreRegisteredOnlyByAProcessThatTakesReadings(string intake, int registered)
    {
        using var hub = new HubFactory(new Dictionary<string, string?> { ["Intake:Enabled"] = intake });
        using var http = hub.CreateClient();

        using var stations = JsonDocument.Parse(await http.GetStringAsync("/api/v1/stations"));

        Assert.That(stations.RootElement.GetArrayLength(), Is.EqualTo(registered));
    }
}
