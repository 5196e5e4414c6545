using System.Text.Json;
using Moci.Cli.Tests.Support;

namespace Moci.Cli.Tests.Commands.Stations;

public sealed class ShowCommandTests
{
    private TestCli _cli = null!;

    [SetUp]
    public void CreateCli() => _cli = new TestCli();

    [TearDown]
    public void DeleteFolder() => _cli.Dispose();

    [Test]
    public void Show_PrintsTheStation_NeverItsSecretOrHash()
    {
        var secret = _cli.Add("rrg-school-01");
        var hash = Registry.Find(_cli.DatabasePath, "rrg-school-01")!.SecretHash!;

        var run = _cli.Run("stations", "show", "rrg-school-01");

        Assert.That(run.ExitCode, Is.Zero, run.ToString());
        Assert.That(run.Out, Does.Contain("id:          rrg-school-01"));
        Assert.That(run.Out, Does.Contain("kind:        air"));
        Assert.That(run.Out, Does.Contain("state:       active"));
        Assert.That(run.Out, Does.Contain("registered:  2026-11-20 09:30:00 UTC"));
        Assert.That(run.Out, Does.Not.Contain(secret).And.Not.Contain("$7$").And.Not.Contain(hash.Split('$')[^1]));
    }

    [Test]
    public void Show_Json_IsTheStationObjectWithoutSecretOrHash()
    {
        _cli.Add("rrg-school-01");

        var run = _cli.Run("stations", "show", "rrg-school-01", "--json");

        using var json = JsonDocument.Parse(run.Out);
        Assert.That(json.RootElement.GetProperty("id").GetString(), Is.EqualTo("rrg-school-01"));
        Assert.That(json.RootElement.GetProperty("longitude").GetDouble(), Is.EqualTo(19.6703));
        Assert.That(json.RootElement.EnumerateObject().Select(p => p.Name),
            Is.EquivalentTo(new[] { "id", "name", "kind", "latitude", "longitude", "initiative", "state", "registeredAt", "updatedAt" }));
        Assert.That(run.Out, Does.Not.Contain("$7$"));
    }

    [Test]
    public void Show_UnknownStation_NamesTheIdAndFails()
    {
        _cli.Add("rrg-school-01");

        var run = _cli.Run("stations", "show", "rrg-school-99");

        Assert.That(run.ExitCode, Is.EqualTo(ExitCodes.BadArgument));
        Assert.That(run.Error, Does.Contain("ID: no station 'rrg-school-99' is registered").And.Contain("moci stations list"));
        Assert.That(run.Out, Is.Empty);
    }

    [Test]
    public void Show_MalformedId_SaysWhatIsWrongWithIt()
    {
        var run = _cli.Run("stations", "show", "rrg school");

        Assert.That(run.ExitCode, Is.EqualTo(ExitCodes.BadArgument));
        Assert.That(run.Error, Does.Contain("ID: the station id 'rrg school' contains ' '"));
    }
}
