using Moci.Telemetry.Readings;

namespace Moci.Telemetry.Tests.Readings;

public sealed class QaFlagNamesTests
{
    [Test]
    public void Of_None_IsEmpty()
    {
        Assert.That(QaFlagNames.Of(QaFlags.None), Is.Empty);
    }

    [TestCase(QaFlags.OutOfRange, new[] { "out_of_range" })]
    [TestCase(QaFlags.ClockSuspect, new[] { "clock_suspect" })]
    [TestCase(QaFlags.HubTimed, new[] { "hub_timed" })]
    [TestCase(QaFlags.HubTimed | QaFlags.OutOfRange, new[] { "out_of_range", "hub_timed" })]
    public void Of_Flags_AreNamedInSnakeCaseInAFixedOrder(QaFlags flags, string[] names)
    {
        Assert.That(QaFlagNames.Of(flags), Is.EqualTo(names));
    }

    [Test]
    public void Of_EveryDefinedFlag_HasAName()
    {
        var unnamed = Enum.GetValues<QaFlags>().Where(f => f != QaFlags.None && QaFlagNames.Of(f).Length != 1);

        Assert.That(unnamed, Is.Empty);
    }
}
