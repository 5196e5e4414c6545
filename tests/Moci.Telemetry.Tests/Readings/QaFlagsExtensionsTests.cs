using Moci.Telemetry.Readings;

namespace Moci.Telemetry.Tests.Readings;

public sealed class QaFlagsExtensionsTests
{
    [TestCase(QaFlags.None, false)]
    [TestCase(QaFlags.HubTimed, false)]
    [TestCase(QaFlags.OutOfRange, true)]
    [TestCase(QaFlags.ClockSuspect, true)]
    [TestCase(QaFlags.OutOfRange | QaFlags.HubTimed, true)]
    public void IsSuspect_OnlyForFlagsThatDoubtTheValue(QaFlags flags, bool suspect)
    {
        Assert.That(flags.IsSuspect(), Is.EqualTo(suspect));
    }
}
