using System.Net;
using System.Text.Json;
using Microsoft.Data.Sqlite;
using Moci.Ingest.Tests.Support;

namespace Moci.Ingest.Tests.Operations;

public sealed class OperationsEndpointsTests
{
    [Test]
    public async Task Healthz_AnswersWhileTheProcessRuns()
    {
        using var hub = new HubFactory(new Dictionary<string, string?> { ["Broker:Embedded"] = "false", ["Broker:Port"] = FreePort.Next().ToString(System.Globalization.CultureInfo.InvariantCulture) });
        using var http = hub.CreateClient();

        var response = await http.GetAsync("/healthz");

        Assert.That(response.StatusCode, Is.EqualTo(HttpStatusCode.OK));
    }

    [Test]
    public async Task Readyz_RunningHub_IsReadyWithEachCheckNamed()
    {
        using var hub = new HubFactory();
        await hub.StartAsync();
        using var http = hub.CreateClient();

        var response = await http.GetAsync("/readyz");
        using var body = JsonDocument.Parse(await response.Content.ReadAsStringAsync());

        Assert.That(response.StatusCode, Is.EqualTo(HttpStatusCode.OK));
        var checks = body.RootElement.GetProperty("checks");
        Assert.That(new[] { "broker", "store", "intake" }.Select(c => checks.GetProperty(c).GetProperty("status").GetString()), Is.All.EqualTo("Healthy"));
    }

    [Test]
    public async Task Readyz_NoBrokerToConnectTo_Is503NamingTheIntake()
    {
        using var hub = new HubFactory(new Dictionary<string, string?> { ["Broker:Embedded"] = "false", ["Broker:Port"] = FreePort.Next().ToString(System.Globalization.CultureInfo.InvariantCulture) });
        using var http = hub.CreateClient();

        var response = await http.GetAsync("/readyz");
        using var body = JsonDocument.Parse(await response.Content.ReadAsStringAsync());

        Assert.That(response.StatusCode, Is.EqualTo(HttpStatusCode.ServiceUnavailable));
        Assert.That(body.RootElement.GetProperty("checks").GetProperty("intake").GetProperty("status").GetString(), Is.EqualTo("Unhealthy"));
        Assert.That(body.RootElement.GetProperty("checks").GetProperty("store").GetProperty("status").GetString(), Is.EqualTo("Healthy"));
    }

    [Test]
    public async Task Readyz_DatabaseHeldByAnotherWriter_SaysTheStoreCannotBeWritten()
    {
        using var hub = new HubFactory();
        await hub.StartAsync();
        using var http = hub.CreateClient();
        await using var other = new SqliteConnection($"Data Source={hub.DatabasePath};Pooling=false");
        await other.OpenAsync();
        await using (var begin = other.CreateCommand())
        {
            begin.CommandText = "BEGIN EXCLUSIVE";
            await begin.ExecuteNonQueryAsync();
        }

        var response = await http.GetAsync("/readyz");
        var body = await response.Content.ReadAsStringAsync();

        Assert.That(response.StatusCode, Is.EqualTo(HttpStatusCode.ServiceUnavailable));
        Assert.That(body, Does.Contain("the database cannot be written"));
    }

    [Test]
    public async Task Metrics_PrometheusText_CountsRefusalsByReasonAndShowsTheQueue()
    {
        using var hub = new HubFactory();
        await hub.StartAsync();
        using (var anonymous = await RawMqttConnection.OpenAsync(hub.BrokerPort))
        {
            await anonymous.ConnectAsync("curious", null, null);
        }

        using var http = hub.CreateClient();
        var text = await http.GetStringAsync("/metrics");

        Assert.That(text, Does.Match(@"moci_connections_refused_total\{[^}]*reason=""anonymous""[^}]*\} 1\b"));
        Assert.That(text, Does.Match(@"moci_connections_refused_total\{[^}]*reason=""wrong_secret""[^}]*\} 0\b"));
        Assert.That(text, Does.Contain("moci_queue_depth"));
        Assert.That(text, Does.Match(@"moci_rejected_total\{[^}]*reason=""too_old""[^}]*\} 0\b"));
        Assert.That(text, Does.Contain("moci_readings_conflicts_total"));
        Assert.That(text, Does.Contain("moci_messages_received_total"));
    }
}
