using Moci.Ingest.Intake;
using Moci.Ingest.Storage;
using Moci.Ingest.Tests.Support;

namespace Moci.Ingest.Tests.Intake;

public sealed class StationPresenceTests
{
    private const string Station = "rrg-school-01";
    private static readonly DateTimeOffset At = new(2026, 11, 20, 10, 5, 0, TimeSpan.Zero);

    [Test]
    public async Task Find_NeverSet_IsNull()
    {
        var presence = new StationPresence();

        Assert.That(await presence.FindAsync(Station), Is.Null);
    }

    [Test]
    public async Task Set_TheSameStateAgain_KeepsSinceWhenItWasFirstKnown()
    {
        var presence = new StationPresence();
        presence.Set(Station, online: true, At);

        presence.Set(Station, online: true, At.AddMinutes(5));

        Assert.That(await presence.FindAsync(Station), Is.EqualTo(new PresenceState(true, At)));
    }

    [Test]
    public async Task Set_TheLastWillAfterOnline_IsOfflineSinceTheWill()
    {
        var presence = new StationPresence();
        presence.Set(Station, online: true, At);

        presence.Set(Station, online: false, At.AddMinutes(5));

        Assert.That(await presence.FindAsync(Station), Is.EqualTo(new PresenceState(false, At.AddMinutes(5))));
        Assert.That(await presence.AllAsync(), Is.EquivalentTo(new Dictionary<string, PresenceState> { [Station] = new(false, At.AddMinutes(5)) }));
    }

    [Test]
    public void Set_FlappingBeforeTheWriterTakesIt_HandsOverOneChangeWithTheNewestState()
    {
        var presence = new StationPresence();
        presence.Set(Station, online: true, At);
        presence.Set(Station, online: false, At.AddSeconds(1));
        presence.Set(Station, online: true, At.AddSeconds(2));

        Assert.That(presence.TryTakeChange(out var change), Is.True);
        Assert.That(change, Is.EqualTo((Station, new PresenceState(true, At.AddSeconds(2)))));
        Assert.That(presence.TryTakeChange(out _), Is.False, "one entry per station");
    }

    [Test]
    public void Set_TheSameStateAgainAfterItWasTaken_HandsOverNoChange()
    {
        var presence = new StationPresence();
        presence.Set(Station, online: true, At);
        Assert.That(presence.TryTakeChange(out _), Is.True);

        presence.Set(Station, online: true, At.AddMinutes(1));

        Assert.That(presence.TryTakeChange(out _), Is.False);
    }

    [Test]
    public void Set_AChangeAfterTheLastWasTaken_HandsItOver()
    {
        var presence = new StationPresence();
        presence.Set(Station, online: true, At);
        Assert.That(presence.TryTakeChange(out _), Is.True);

        presence.Set(Station, online: false, At.AddMinutes(1));

        Assert.That(presence.TryTakeChange(out var change), Is.True);
        Assert.That(change, Is.EqualTo((Station, new PresenceState(false, At.AddMinutes(1)))));
    }

    [Test]
    public async Task Find_ReadingFromTheDatabase_GivesWhatTheIngestRecorded()
    {
        using var folder = new TempDirectory();
        using var ingest = new StationPresenceStore(folder.File("hub.db"));
        using var dashboard = new StationPresenceStore(folder.File("hub.db"));
        var presence = new StationPresence(dashboard);
        await ingest.SaveAsync(Station, new PresenceState(false, At));

        Assert.That(await presence.FindAsync(Station), Is.EqualTo(new PresenceState(false, At)));
        Assert.That(await presence.FindAsync("shk-river-01"), Is.Null);
        Assert.That(await presence.AllAsync(), Is.EquivalentTo(new Dictionary<string, PresenceState> { [Station] = new(false, At) }));
    }
}
