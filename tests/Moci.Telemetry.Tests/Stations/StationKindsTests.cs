using Moci.Telemetry.Metrics;
using Moci.Telemetry.Stations;

namespace Moci.Telemetry.Tests.Stations;

public sealed class StationKindsTests
{
    [TestCase(StationKind.Air, Medium.Air, true)]
    [TestCase(StationKind.Air, Medium.Water, false)]
    [TestCase(StationKind.Air, Medium.Device, true)]
    [TestCase(StationKind.Mobile, Medium.Air, true)]
    [TestCase(StationKind.Mobile, Medium.Water, false)]
    [TestCase(StationKind.Mobile, Medium.Device, true)]
    [TestCase(StationKind.Water, Medium.Air, false)]
    [TestCase(StationKind.Water, Medium.Water, true)]
    [TestCase(StationKind.Water, Medium.Device, true)]
    public void Measures_KindAndMedium_AirAndMobileAirWaterWaterDeviceAll(StationKind kind, Medium medium, bool measures)
    {
        Assert.That(kind.Measures(medium), Is.EqualTo(measures));
    }

    [TestCase(StationKind.Air, "an air station")]
    [TestCase(StationKind.Water, "a water station")]
    [TestCase(StationKind.Mobile, "a mobile station")]
    public void Describe_Kind_GivesThePhraseWithItsArticle(StationKind kind, string phrase)
    {
        Assert.That(kind.Describe(), Is.EqualTo(phrase));
    }
}
