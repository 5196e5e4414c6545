using System.Text;
using System.Text.Json;
using Moci.Cli.Commands.DeadLetters;
using Moci.Cli.Tests.Support;
using Moci.Ingest.Health;
using Moci.Ingest.Options;
using Moci.Ingest.Storage;
using Moci.Telemetry.Protocol;
using Moci.Telemetry.Readings;
using Moci.Telemetry.Stations;

namespace Moci.Cli.Tests.Commands.DeadLetters;

public sealed class ReplayCommandTests
{
    private const string Station = "rrg-school-02";

    /// <summary>When the hub received the letters: a few hours before the command runs.</summary>
    private static readonly DateTimeOffset T1 = TestCli.Now.AddHours(-3);

    private static readonly DateTimeOffset T2 = TestCli.Now.AddHours(-2);

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
    public async Task Replay_StationRegisteredSince_StoresItsReadingsAndRemovesItsLetters()
    {
        await _hub.PublishAsync(Station, Packs.Of(Station, T1, ("temperature", "Cel", 21.5), ("humidity", "%RH", 40)), T1);
        await _hub.PublishAsync(Station, Packs.Of(Station, T2, ("temperature", "Cel", 22), ("humidity", "%RH", 41)), T2);
        Assert.That((await _hub.LettersAsync(Station)).Select(l => l.Reason), Has.All.Contains("is not registered"));
        _cli.Add(Station);

        var run = _cli.Run("dead-letters", "replay", "--station", Station);

        Assert.That(run.ExitCode, Is.Zero, run.ToString());
        Assert.That(run.Out, Does.Contain($"Replayed 2 of 2 dead letters of station {Station} → 4 readings stored, 0 duplicates"));
        Assert.That(await _hub.ReadAsync(Station, "temperature"), Is.EqualTo(new[]
        {
            new Reading(Station, "temperature", T1, 21.5),
            new Reading(Station, "temperature", T2, 22),
        }));
        Assert.That((await _hub.ReadAsync(Station, "humidity")).Select(r => r.Value), Is.EqualTo(new[] { 40.0, 41.0 }));
        Assert.That(await _hub.LettersAsync(Station), Is.Empty);
    }

    [Test]
    public async Task Replay_WrongKindRecordOfAMessage_StaysAsADeadLetterOfItsOwn_WhileTheRestIsStored()
    {
        await _hub.PublishAsync(Station, Packs.Of(Station, T1, ("temperature", "Cel", 21.5), ("ph", "pH", 7.2)), T1);
        _cli.Add(Station, "air");

        var run = _cli.Run("dead-letters", "replay", "--station", Station);
        var letters = await _hub.LettersAsync(Station);

        Assert.That(run.Out, Does.Contain("→ 1 reading stored").And.Contain("1 of them only in part: 1 refused record stays"), run.ToString());
        Assert.That((await _hub.ReadAsync(Station, "temperature")).Select(r => r.Value), Is.EqualTo(new[] { 21.5 }));
        Assert.That(letters.Single().Reason, Is.EqualTo($"'ph' is a water metric; station '{Station}' is an air station"));
        Assert.That(letters.Single().ReceivedAt, Is.EqualTo(T1));
        Assert.That(Encoding.UTF8.GetString(letters.Single().Payload), Does.Contain($"urn:dev:moci:{Station}:ph").And.Not.Contain("temperature"),
            "what stays is the refused record, as the hub keeps it");
    }

    [Test]
    public async Task Replay_LetterStillRefused_StaysWithTheReasonItFailsForNow()
    {
        await _hub.PublishAsync(Station, Packs.Of(Station, T1, ("ph", "pH", 7.2)), T1);
        var before = (await _hub.LettersAsync(Station)).Single();
        _cli.Add(Station, "air");

        var run = _cli.Run("dead-letters", "replay", "--station", Station);
        var after = (await _hub.LettersAsync(Station)).Single();

        Assert.That(run.Out, Does.Contain("Replayed 0 of 1 dead letter").And.Contain("Still failing: 1 dead letter").And.Contain("wrong_kind"), run.ToString());
        Assert.That(before.Reason, Does.Contain("is not registered"));
        Assert.That(after with { Reason = before.Reason }, Is.EqualTo(before).UsingPropertiesComparer(), "same id, time, topic and payload");
        Assert.That(after.Reason, Is.EqualTo($"'ph' is a water metric; station '{Station}' is an air station"));
    }

    [Test]
    public async Task Replay_LetterCutAtThePayloadCap_IsSkippedAndReported()
    {
        using (var hub = new HubIntake(_cli.DatabasePath, new DeadLetterOptions { MaxPayloadBytes = 200 }))
        {
            var many = Enumerable.Range(0, 10).Select(i => ("temperature", "Cel", 20.0 + i)).ToArray();
            await hub.PublishAsync(Station, Packs.Of(Station, T1, many), T1);
            await hub.PublishAsync(Station, Packs.Of(Station, T2, ("humidity", "%RH", 40)), T2);
        }

        var cut = (await _hub.LettersAsync(Station))[0];
        _cli.Add(Station);

        var run = _cli.Run("dead-letters", "replay", "--station", Station);

        Assert.That(cut.Truncated, Is.True);
        Assert.That(run.Out, Does.Contain("Replayed 1 of 2").And.Contain("Skipped: 1 dead letter").And.Contain($"MaxPayloadBytes").And.Contain($"(ids {cut.Id})"), run.ToString());
        Assert.That((await _hub.LettersAsync(Station)).Single(), Is.EqualTo(cut).UsingPropertiesComparer(), "left as it is");
        Assert.That(await _hub.ReadAsync(Station, "temperature"), Is.Empty);
    }

    [Test]
    public async Task Replay_ValueConflictingWithAStoredOne_StaysAsAConflict_AndIsSkippedNextTime()
    {
        await _hub.PublishAsync(Station, Packs.Of(Station, T1, ("temperature", "Cel", 21.5)), T1);
        _cli.Add(Station);
        await _hub.PublishAsync(Station, Packs.Of(Station, T1, ("temperature", "Cel", 23)), T2);

        var first = _cli.Run("dead-letters", "replay", "--station", Station);
        var second = _cli.Run("dead-letters", "replay", "--station", Station);

        Assert.That(first.Out, Does.Contain("Still failing: 1").And.Contain("conflict"), first.ToString());
        Assert.That((await _hub.LettersAsync(Station)).Single().Reason,
            Does.StartWith("conflict: 'temperature' at ").And.Contain("is already stored as 23; the new value 21.5 is not stored"));
        Assert.That(second.Out, Does.Contain("Replayed 0 of 1").And.Contain("Skipped: 1 dead letter").And.Contain("conflicts: another value is already stored"), second.ToString());
        Assert.That((await _hub.ReadAsync(Station, "temperature")).Select(r => r.Value), Is.EqualTo(new[] { 23.0 }), "the first value stays");
    }

    [Test]
    public async Task Replay_DryRun_ChangesNothing_AndSaysWhatItWouldDo()
    {
        await _hub.PublishAsync(Station, Packs.Of(Station, T1, ("temperature", "Cel", 21.5), ("humidity", "%RH", 40)), T1);
        await _hub.PublishAsync(Station, Packs.Of(Station, T2, ("ph", "pH", 7.2)), T2);
        var before = await _hub.LettersAsync(Station);
        _cli.Add(Station, "air");

        var run = _cli.Run("dead-letters", "replay", "--station", Station, "--dry-run");

        Assert.That(run.ExitCode, Is.Zero, run.ToString());
        Assert.That(run.Out, Does.Contain("Dry run: nothing was stored").And.Contain("Would replay 1 of 2 dead letters").And.Contain("2 readings to store")
            .And.Contain("Still failing: 1 dead letter; they would stay"));
        Assert.That(await _hub.ReadAsync(Station, "temperature"), Is.Empty);
        Assert.That(await _hub.LettersAsync(Station), Is.EqualTo(before).UsingPropertiesComparer());
    }

    [Test]
    public async Task Replay_DryRun_CountsWhatIsAlreadyStoredAsDuplicates()
    {
        var pack = Packs.Of(Station, T1, ("temperature", "Cel", 21.5));
        await _hub.PublishAsync(Station, pack, T1);
        await _hub.PublishAsync(Station, pack, T1);
        _cli.Add(Station);

        var dry = _cli.Run("dead-letters", "replay", "--station", Station, "--dry-run");
        var real = _cli.Run("dead-letters", "replay", "--station", Station);

        Assert.That(dry.Out, Does.Contain("Would replay 2 of 2 dead letters of station rrg-school-02 → 1 reading to store, 1 duplicate"), dry.ToString());
        Assert.That(real.Out, Does.Contain("Replayed 2 of 2 dead letters of station rrg-school-02 → 1 reading stored, 1 duplicate"), real.ToString());
    }

    [Test]
    public async Task Replay_Twice_StoresOnce()
    {
        await _hub.PublishAsync(Station, Packs.Of(Station, T1, ("temperature", "Cel", 21.5)), T1);
        _cli.Add(Station);

        var first = _cli.Run("dead-letters", "replay", "--station", Station);
        var second = _cli.Run("dead-letters", "replay", "--station", Station);

        Assert.That(first.Out, Does.Contain("1 reading stored"), first.ToString());
        Assert.That(second.ExitCode, Is.Zero);
        Assert.That(second.Out, Does.Contain($"Station {Station} has no dead letters; nothing to replay."));
        Assert.That(await _hub.ReadAsync(Station, "temperature"), Has.Count.EqualTo(1));
    }

    [Test]
    public async Task Replay_ReadingsStoredBeforeTheLettersWereRemoved_CountsDuplicates_AndRemovesTheLetters()
    {
        // What a crash between the readings' commit and the letters' leaves: the letters, with their readings stored.
        var pack = Packs.Of(Station, T1, ("temperature", "Cel", 21.5), ("humidity", "%RH", 40));
        await _hub.PublishAsync(Station, pack, T1);
        _cli.Add(Station);
        await _hub.PublishAsync(Station, pack, T1);

        var run = _cli.Run("dead-letters", "replay", "--station", Station);

        Assert.That(run.Out, Does.Contain("Replayed 1 of 1 dead letter of station rrg-school-02 → 0 readings stored, 2 duplicates"), run.ToString());
        Assert.That(await _hub.LettersAsync(Station), Is.Empty);
        Assert.That(await _hub.ReadAsync(Station, "temperature"), Has.Count.EqualTo(1));
    }

    [Test]
    public async Task Replay_AirrohrEntriesRefusedForTheStationsKind_AreStoredOnceItsKindIsRight()
    {
        // The hub took the kit for a water station and refused its dust values; the registry now has it as an air station.
        const string Body = """{"esp8266id":"13597771","sensordatavalues":[{"value_type":"SDS_P1","value":"20.10"},{"value_type":"SDS_P2","value":"12.30"},{"value_type":"signal","value":"-70"}]}""";
        _cli.Add(Station, "air");
        var item = await _hub.PostAirrohrAsync(Station, StationKind.Water, Body, T1);
        Assert.That(item.Rejections.Select(r => r.Kind.ToString()), Is.EqualTo(new[] { "WrongKind", "WrongKind" }));

        var run = _cli.Run("dead-letters", "replay", "--station", Station);

        Assert.That(run.Out, Does.Contain("Replayed 2 of 2 dead letters of station rrg-school-02 → 2 readings stored"), run.ToString());
        Assert.That(await _hub.ReadAsync(Station, "pm10"), Is.EqualTo(new[] { new Reading(Station, "pm10", T1, 20.1, QaFlags.HubTimed) }));
        Assert.That(await _hub.ReadAsync(Station, "pm2_5"), Is.EqualTo(new[] { new Reading(Station, "pm2_5", T1, 12.3, QaFlags.HubTimed) }));
        Assert.That(await _hub.LettersAsync(Station), Is.Empty);
    }

    [Test]
    public async Task Replay_AirrohrBodyRefusedAsAWhole_StaysWithItsReason()
    {
        _cli.Add(Station, "air");
        await _hub.PostAirrohrAsync(Station, StationKind.Air, """{"sensordatavalues": 3}""", T1);
        var before = (await _hub.LettersAsync(Station)).Single();

        var run = _cli.Run("dead-letters", "replay", "--station", Station);

        Assert.That(run.Out, Does.Contain("Still failing: 1").And.Contain("invalid_pack"), run.ToString());
        Assert.That((await _hub.LettersAsync(Station)).Single(), Is.EqualTo(before).UsingPropertiesComparer());
    }

    [Test]
    public async Task Replay_RecordOlderThanTheBackfillWindow_IsStoredWithAWiderWindow_AndItsLetterRemoved()
    {
        _cli.Add(Station);
        var pack = $$"""[{"bn":"urn:dev:moci:{{Station}}:","bt":{{T1.ToUnixTimeSeconds()}},"n":"temperature","u":"Cel","v":21.5},{"n":"temperature","u":"Cel","v":19,"t":{{-40 * 86400}}}]""";
        var item = await _hub.PublishAsync(Station, pack, T1);
        Assert.That(item.Readings, Has.Count.EqualTo(1), "the hub stored the recent record and kept the old one as a dead letter of its own");

        var narrow = _cli.Run("dead-letters", "replay", "--station", Station);
        var wide = _cli.Run("dead-letters", "replay", "--station", Station, "--backfill-window", "60");

        Assert.That(narrow.Out, Does.Contain("too_old").And.Contain("--backfill-window widens that"), narrow.ToString());
        Assert.That(wide.Out, Does.Contain("Replayed 1 of 1 dead letter of station rrg-school-02 → 1 reading stored"), wide.ToString());
        Assert.That(await _hub.ReadAsync(Station, "temperature"), Is.EqualTo(new[]
        {
            new Reading(Station, "temperature", T1.AddDays(-40), 19),
            new Reading(Station, "temperature", T1, 21.5),
        }));
        Assert.That(await _hub.LettersAsync(Station), Is.Empty);
    }

    [TestCase("0", "out of range")]
    [TestCase("3651", "out of range")]
    [TestCase("soon", "is not a duration")]
    public void Replay_BadBackfillWindow_IsNamedAndFails(string window, string why)
    {
        var run = _cli.Run("dead-letters", "replay", "--station", Station, "--backfill-window", window);

        Assert.That(run.ExitCode, Is.EqualTo(ExitCodes.BadArgument));
        Assert.That(run.Error, Does.Contain("--backfill-window: ").And.Contain(why));
    }

    [Test]
    public async Task Replay_UnregisteredStation_FailsNamingIt_AndChangesNothing()
    {
        await _hub.PublishAsync(Station, Packs.Of(Station, T1, ("temperature", "Cel", 21.5)), T1);
        var before = await _hub.LettersAsync(Station);

        var run = _cli.Run("dead-letters", "replay", "--station", Station);

        Assert.That(run.ExitCode, Is.EqualTo(ExitCodes.BadArgument));
        Assert.That(run.Error, Does.Contain($"--station: no station '{Station}' is registered").And.Contain("moci stations add"));
        Assert.That(await _hub.LettersAsync(Station), Is.EqualTo(before).UsingPropertiesComparer());
    }

    [Test]
    public void Replay_NoDatabase_FailsWithTheFileName()
    {
        var run = _cli.RunExactly("dead-letters", "replay", "--station", Station, "--db", Path.Combine(_cli.Folder, "elsewhere.db"));

        Assert.That(run.ExitCode, Is.EqualTo(ExitCodes.CannotUseFiles));
        Assert.That(run.Error, Does.Contain("elsewhere.db"));
    }

    /// <summary>A health report of <see cref="Station"/> as its bridge sends it, made just before <paramref name="at"/>.</summary>
    private static string HealthJson(DateTimeOffset at, object depth) =>
        $$"""
        {"station":"{{Station}}","at":"{{at.AddSeconds(-1):yyyy-MM-dd'T'HH:mm:ss'Z'}}","bridgeUptimeSeconds":60,
         "outbox":{"depth":{{depth}},"oldestAgeSeconds":null,"dropped":0},"clock":{"source":"ntp","synchronised":true},
         "sensors":[{"name":"air","type":"bme280","state":"ok"}]}
        """;

    /// <summary>A dead letter of the station's health topic, as a hub keeps one it refused.</summary>
    private Task AddHealthLetterAsync(string json, DateTimeOffset receivedAt, string reason) =>
        _hub.DeadLetters.AddAsync([new DeadLetter(receivedAt, WireTopics.Health(Station), Station, reason, Encoding.UTF8.GetBytes(json))]);

    [Test]
    public async Task Replay_HealthReportTheHubNowReads_IsKeptAsTheStationsReportAndItsLetterRemoved()
    {
        _cli.Add(Station);
        // Refused by an older hub for a reason this one no longer has.
        await AddHealthLetterAsync(HealthJson(T1, 42), T1, "invalid health report: 'sensors[0].lastError' is missing: it must be a non-empty string");

        var run = _cli.Run("dead-letters", "replay", "--station", Station);
        using var health = new StationHealthStore(_cli.DatabasePath);
        var kept = await health.FindAsync(Station);

        Assert.That(run.Out, Does.Contain($"Replayed 1 of 1 dead letter of station {Station}").And.Contain("1 health report among them: the newest is now the station's report."), run.ToString());
        Assert.That((kept?.Report.Outbox.Depth, kept?.ReceivedAt), Is.EqualTo(((long?)42, (DateTimeOffset?)T1)));
        Assert.That(await _hub.LettersAsync(Station), Is.Empty);
    }

    [Test]
    public async Task Replay_HealthReportStillInvalid_StaysAsInvalidHealthWithItsReason()
    {
        _cli.Add(Station);
        await AddHealthLetterAsync(HealthJson(T1, "\"lots\""), T1, "invalid health report: an older reason");

        var run = _cli.Run("dead-letters", "replay", "--station", Station);
        var letter = (await _hub.LettersAsync(Station)).Single();

        Assert.That(run.Out, Does.Contain("Still failing: 1 dead letter").And.Contain("invalid_health").And.Not.Contain("bad_topic"), run.ToString());
        Assert.That(letter.Reason, Is.EqualTo("invalid health report: 'outbox.depth' must be a whole number ≥ 0, not the string 'lots'"));
        Assert.That(letter.Topic, Is.EqualTo(WireTopics.Health(Station)));
        using var health = new StationHealthStore(_cli.DatabasePath);
        Assert.That(await health.FindAsync(Station), Is.Null);
    }

    [Test]
    public async Task Replay_DryRun_HealthReport_SaysItWouldBeKeptAndKeepsNothing()
    {
        _cli.Add(Station);
        await AddHealthLetterAsync(HealthJson(T1, 42), T1, "invalid health report: an older reason");

        var run = _cli.Run("dead-letters", "replay", "--station", Station, "--dry-run");
        using var health = new StationHealthStore(_cli.DatabasePath);

        Assert.That(run.Out, Does.Contain("1 health report among them: the newest would become the station's report."), run.ToString());
        Assert.That(await health.FindAsync(Station), Is.Null);
        Assert.That((await _hub.LettersAsync(Station)).Single().Reason, Is.EqualTo("invalid health report: an older reason"));
    }

    [Test]
    public async Task Replay_HealthReportOlderThanTheOneTheHubHolds_IsRemovedWithoutReplacingIt()
    {
        _cli.Add(Station);
        await AddHealthLetterAsync(HealthJson(T1, 42), T1, "invalid health report: an older reason");
        using var health = new StationHealthStore(_cli.DatabasePath);
        var stored = HealthReportDecoder.TryDecode(Station, new System.Buffers.ReadOnlySequence<byte>(Encoding.UTF8.GetBytes(HealthJson(T2, 7))), out var report, out var error);
        Assert.That(stored, Is.True, error);
        await health.SaveAsync(report!, T2);

        var run = _cli.Run("dead-letters", "replay", "--station", Station);
        var kept = await health.FindAsync(Station);

        Assert.That(run.Out, Does.Contain("Replayed 1 of 1").And.Contain("the station's report is newer; 1 older than the one the hub holds was only removed."), run.ToString());
        Assert.That((kept?.Report.Outbox.Depth, kept?.ReceivedAt), Is.EqualTo(((long?)7, (DateTimeOffset?)T2)));
        Assert.That(await _hub.LettersAsync(Station), Is.Empty);
    }

    [Test]
    public async Task Replay_Json_PrintsTheSummaryAsOneObject()
    {
        await _hub.PublishAsync(Station, Packs.Of(Station, T1, ("temperature", "Cel", 21.5), ("ph", "pH", 7.2)), T1);
        await _hub.PublishAsync(Station, Packs.Of(Station, T2, ("ph", "pH", 7.3)), T2);
        _cli.Add(Station, "air");

        var run = _cli.Run("dead-letters", "replay", "--station", Station, "--json");

        Assert.That(run.ExitCode, Is.Zero, run.ToString());
        using var json = JsonDocument.Parse(run.Out);
        var root = json.RootElement;
        Assert.That(root.GetProperty("station").GetString(), Is.EqualTo(Station));
        Assert.That(root.GetProperty("dryRun").GetBoolean(), Is.False);
        Assert.That(root.GetProperty("letters").GetInt32(), Is.EqualTo(2));
        Assert.That(root.GetProperty("replayed").GetInt32(), Is.EqualTo(1));
        Assert.That(root.GetProperty("partlyReplayed").GetInt32(), Is.EqualTo(1));
        Assert.That(root.GetProperty("readingsStored").GetInt32(), Is.EqualTo(1));
        Assert.That(root.GetProperty("recordsKept").GetInt32(), Is.EqualTo(1));
        Assert.That(root.GetProperty("stillFailing").GetInt32(), Is.EqualTo(1));
        Assert.That(root.GetProperty("topReasons")[0].GetProperty("kind").GetString(), Is.EqualTo("wrong_kind"));
        Assert.That(root.GetProperty("skipped").GetInt32(), Is.Zero);
    }

    [Test]
    public async Task Replay_ManyLetters_ReportsProgressOnStderr()
    {
        var count = DeadLetterReplay.ProgressEvery + 100;
        await _hub.PublishManyAsync(Enumerable.Range(0, count).Select(i =>
        {
            var time = T1.AddSeconds(i);
            return (Station, Packs.Of(Station, time, ("temperature", "Cel", 20 + i % 10)), time);
        }));
        _cli.Add(Station);

        var run = _cli.Run("dead-letters", "replay", "--station", Station);

        Assert.That(run.Error, Does.Contain($"dead-letters replay: {DeadLetterReplay.ProgressEvery} of {count} letters of {Station} done"), run.ToString());
        Assert.That(run.Out, Does.Contain($"Replayed {count} of {count} dead letters"));
        Assert.That(await _hub.ReadAsync(Station, "temperature"), Has.Count.EqualTo(count));
    }

    [Test]
    public async Task Replay_WhileTheHubStoresReadings_BothAreCommitted()
    {
        const int Letters = 1000;
        const int HubPacks = 100;
        await _hub.PublishManyAsync(Enumerable.Range(0, Letters).Select(i =>
        {
            var time = T1.AddSeconds(i);
            return (Station, Packs.Of(Station, time, ("temperature", "Cel", 20 + i % 10)), time);
        }));
        _cli.Add(Station);

        // The hub goes on storing another station's readings, one commit per pack, while the replay runs.
        var replay = Task.Run(() => _cli.Run("dead-letters", "replay", "--station", Station));
        for (var i = 0; i < HubPacks; i++)
        {
            var time = T1.AddSeconds(i);
            await _hub.PublishAsync("rrg-school-01", Packs.Of("rrg-school-01", time, ("temperature", "Cel", 15)), time);
        }

        var run = await replay.WaitAsync(TimeSpan.FromMinutes(2));

        Assert.That(run.ExitCode, Is.Zero, run.ToString());
        Assert.That(run.Out, Does.Contain($"Replayed {Letters} of {Letters} dead letters"));
        Assert.That(await _hub.ReadAsync(Station, "temperature"), Has.Count.EqualTo(Letters));
        Assert.That(await _hub.ReadAsync("rrg-school-01", "temperature"), Has.Count.EqualTo(HubPacks));
        Assert.That(await _hub.LettersAsync(Station), Is.Empty);
    }

    [Test]
    public void Help_Replay_SaysItUsesTheHubsDefaultTimeRules()
    {
        var run = _cli.RunExactly("dead-letters", "replay", "--help");

        Assert.That(run.ExitCode, Is.Zero);
        Assert.That(run.Out, Does.Contain("--station <ID>").And.Contain("--dry-run").And.Contain("--backfill-window <DAYS>")
            .And.Contain("does not read the hub's settings").And.Contain("Safe beside a running hub"));
    }
}
