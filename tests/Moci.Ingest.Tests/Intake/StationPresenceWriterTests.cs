using Microsoft.Extensions.Logging.Abstractions;
using Moci.Ingest.Intake;
using Moci.Ingest.Storage;
using Moci.Ingest.Tests.Support;
using Moci.Tests.Shared;

namespace Moci.Ingest.Tests.Intake;

public sealed class StationPresenceWriterTests
{
    private const string Station = "rrg-school-01";
    private static readonly DateTimeOffset At = new(2026, 11, 20, 10, 5, 0, TimeSpan.Zero);
    private static readonly TimeSpan Timeout = TimeSpan.FromSeconds(10);

    [Test]
    public async Task Running_AChangeIsSet_IsRecordedInTheDatabase()
    {
        using var folder = new TempDirectory();
        using var store = new StationPresenceStore(folder.File("hub.db"));
        var presence = new StationPresence();
        using var writer = new StationPresenceWriter(presence, store, NullLogger<StationPresenceWriter>.Instance);
        await writer.StartAsync(CancellationToken.None);
        try
        {
            presence.Set(Station, online: true, At);
            var online = await Eventually.ReachesAsync(() => store.FindAsync(Station), s => s is not null, Timeout, "recorded");
            presence.Set(Station, online: false, At.AddMinutes(3));
            var offline = await Eventually.ReachesAsync(() => store.FindAsync(Station), s => s?.Online == false, Timeout, "recorded offline");

            Assert.That(online, Is.EqualTo(new PresenceState(true, At)));
            Assert.That(offline, Is.EqualTo(new PresenceState(false, At.AddMinutes(3))));
        }
        finally
        {
            await writer.StopAsync(CancellationToken.None);
        }
    }

    [Test]
    public async Task Run_StoppedWithChangesStillQueued_RecordsThemBeforeItEnds()
    {
        using var folder = new TempDirectory();
        using var store = new StationPresenceStore(folder.File("hub.db"));
        var presence = new StationPresence();
        using var writer = new StationPresenceWriter(presence, store, NullLogger<StationPresenceWriter>.Instance);
        presence.Set(Station, online: false, At);
        presence.Set("shk-river-01", online: true, At.AddSeconds(1));

        // Already stopped when it starts: its loop takes nothing, so only the drain on the way out can record them.
        await writer.RunAsync(new CancellationToken(canceled: true)).WaitAsync(Timeout);

        Assert.That(await store.AllAsync(), Is.EquivalentTo(new Dictionary<string, PresenceState>
        {
            [Station] = new(false, At),
            ["shk-river-01"] = new(true, At.AddSeconds(1)),
        }));
    }
}
