using Microsoft.Extensions.DependencyInjection;
using Moci.Dashboard.Stations;
using Moci.Dashboard.Tests.Support;
using Moci.Ingest.Storage;

namespace Moci.Dashboard.Tests.Stations;

public sealed class StationOverviewTests
{
    [Test]
    public async Task RejectedAsync_CountAndNewestReason_WithoutLoadingThePayload()
    {
        using var hub = new DashboardFactory();
        var now = DateTimeOffset.UtcNow;
        await hub.Services.GetRequiredService<DeadLetterStore>().AddAsync(
        [
            new DeadLetter(now.AddMinutes(-3), "moci/v1/shk-river-01/senml", DashboardFactory.WaterStation, "invalid SenML pack: not valid JSON", new byte[60_000]),
            new DeadLetter(now.AddMinutes(-1), "moci/v1/shk-river-01/senml", DashboardFactory.WaterStation, "unknown metric 'nitrate'", new byte[50_000]),
            new DeadLetter(now, "moci/v1/rrg-school-01/senml", DashboardFactory.AirStation, "unknown unit", [1]),
        ]);

        var (count, newest) = await hub.Services.GetRequiredService<StationOverview>().RejectedAsync(DashboardFactory.WaterStation);

        Assert.That(count, Is.EqualTo(2));
        Assert.That(newest!.Reason, Is.EqualTo("unknown metric 'nitrate'"));
        Assert.That(newest.Payload, Is.Empty, "the page shows the reason, never the payload");
        Assert.That(newest.PayloadSize, Is.EqualTo(50_000));
    }
}
