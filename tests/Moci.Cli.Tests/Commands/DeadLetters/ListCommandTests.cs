using System.Text.Json;
using Moci.Cli.Tests.Support;
using Moci.Ingest.Options;

namespace Moci.Cli.Tests.Commands.DeadLetters;

public sealed class ListCommandTests
{
    private const string Station = "rrg-school-02";

    private static readonly DateTimeOffset T1 = TestCli.Now.AddHours(-3);

    private TestCli _cli = null!;
    private HubIntake _hub = null!;

    [SetUp]
    public void CreateCli()
    {
        _cli = new TestCli();
        _cli.Add("rrg-school-01");
        _hub = new HubIntake(_cli.DatabasePath);
    }

    [TearDown]
    public void DeleteFolder()
    {
        _hub.Dispose();
        _cli.Dispose();
    }

    [Test]
    public async Task List_ShowsIdTimeSizeAndReason_NeverThePayload()
    {
        var pack = Packs.Of(Station, T1, ("temperature", "Cel", 21.987654));
        await _hub.PublishAsync(Station, pack, T1);
        var letter = (await _hub.LettersAsync(Station)).Single();

        var run = _cli.Run("dead-letters", "list", "--station", Station);

        Assert.That(run.ExitCode, Is.Zero, run.ToString());
        var lines = run.Out.Split('\n');
        Assert.That(lines[0], Does.StartWith("ID").And.Contain("RECEIVED (UTC)").And.Contain("SIZE").And.Contain("REASON"));
        Assert.That(lines[1], Does.StartWith(letter.Id.ToString(System.Globalization.CultureInfo.InvariantCulture))
            .And.Contain("2026-11-20 06:30:00").And.Contain($"{pack.Length} B").And.Contain($"station '{Station}' is not registered on this hub"));
        Assert.That(run.Out, Does.Not.Contain("21.987654"));
        Assert.That(run.Out, Does.Not.Contain("(cut)"), "the payload is stored whole");
        Assert.That(run.Out, Does.Contain("1 of 1 dead letter of station").And.Contain($"Station {Station} is not registered"));
    }

    [Test]
    public async Task List_Limit_ShowsTheNewest_AndSaysHowManyThereAre()
    {
        for (var i = 0; i < 3; i++)
        {
            await _hub.PublishAsync(Station, Packs.Of(Station, T1.AddMinutes(i), ("temperature", "Cel", 20 + i)), T1.AddMinutes(i));
        }

        var ids = (await _hub.LettersAsync(Station)).Select(l => l.Id).ToList();

        var run = _cli.Run("dead-letters", "list", "--station", Station, "--limit", "2", "--json");

        Assert.That(run.ExitCode, Is.Zero, run.ToString());
        using var json = JsonDocument.Parse(run.Out);
        Assert.That(json.RootElement.GetProperty("total").GetInt32(), Is.EqualTo(3));
        Assert.That(json.RootElement.GetProperty("letters").EnumerateArray().Select(l => l.GetProperty("id").GetInt64()), Is.EqualTo(new[] { ids[2], ids[1] }));
    }

    [Test]
    public async Task List_Json_HasEveryFieldButThePayload()
    {
        await _hub.PublishAsync(Station, Packs.Of(Station, T1, ("temperature", "Cel", 21.5)), T1);

        var run = _cli.Run("dead-letters", "list", "--station", Station, "--json");

        using var json = JsonDocument.Parse(run.Out);
        var letter = json.RootElement.GetProperty("letters")[0];
        Assert.That(json.RootElement.GetProperty("station").GetString(), Is.EqualTo(Station));
        Assert.That(letter.EnumerateObject().Select(p => p.Name), Is.EqualTo(new[] { "id", "receivedAt", "topic", "reason", "payloadSize", "truncated" }));
        Assert.That(letter.GetProperty("receivedAt").GetDateTimeOffset(), Is.EqualTo(T1));
        Assert.That(letter.GetProperty("topic").GetString(), Is.EqualTo($"moci/v1/{Station}/senml"));
        Assert.That(letter.GetProperty("truncated").GetBoolean(), Is.False);
    }

    [Test]
    public async Task List_LetterCutAtTheCap_IsMarkedCut()
    {
        using (var hub = new HubIntake(_cli.DatabasePath, new DeadLetterOptions { MaxPayloadBytes = 50 }))
        {
            await hub.PublishAsync(Station, Packs.Of(Station, T1, ("temperature", "Cel", 21.5), ("humidity", "%RH", 40)), T1);
        }

        var run = _cli.Run("dead-letters", "list", "--station", Station);

        Assert.That(run.Out, Does.Contain(" B (cut)"), run.ToString());
    }

    [Test]
    public async Task List_RegisteredStation_SaysHowToReplay()
    {
        _cli.Add(Station, "air");
        await _hub.PublishAsync(Station, Packs.Of(Station, T1, ("ph", "pH", 7)), T1);

        var run = _cli.Run("dead-letters", "list", "--station", Station);

        Assert.That(run.Out, Does.Contain("'ph' is a water metric").And.Contain($"moci dead-letters replay --station {Station}"));
    }

    [Test]
    public void List_NoLetters_SaysSo()
    {
        var run = _cli.Run("dead-letters", "list", "--station", Station);

        Assert.That(run.ExitCode, Is.Zero);
        Assert.That(run.Out, Does.Contain($"Station {Station} has no dead letters"));
    }

    [TestCase("--station", "Bad_Id", "--station: ")]
    [TestCase("--limit", "0", "--limit: 0 is out of range")]
    [TestCase("--limit", "1001", "--limit: 1001 is out of range")]
    public void List_BadArgument_IsNamedAndFails(string option, string value, string message)
    {
        var args = option == "--station" ? new[] { "--station", value } : ["--station", Station, option, value];

        var run = _cli.Run(["dead-letters", "list", .. args]);

        Assert.That(run.ExitCode, Is.EqualTo(ExitCodes.BadArgument));
        Assert.That(run.Error, Does.Contain(message));
    }

    [Test]
    public void List_NoDatabase_FailsWithTheFileName()
    {
        var run = _cli.RunExactly("dead-letters", "list", "--station", Station, "--db", Path.Combine(_cli.Folder, "elsewhere.db"));

        Assert.That(run.ExitCode, Is.EqualTo(ExitCodes.CannotUseFiles));
        Assert.That(run.Error, Does.Contain("elsewhere.db"));
    }

    [Test]
    public void Help_List_DescribesItsOptions()
    {
        var run = _cli.RunExactly("dead-letters", "list", "--help");

        Assert.That(run.Out, Does.Contain("newest first").And.Contain("--station <ID>").And.Contain("--limit <N>").And.Contain("never the payload"));
    }
}
