using Moci.Bridge.Sensors.Particulate;

namespace Moci.Bridge.Tests.Sensors.Particulate;

public sealed class DutyCycleTests
{
    [Test]
    public void Problems_Continuous_None()
    {
        Assert.That(DutyCycle.Continuous.Problems(), Is.Empty);
    }

    [TestCase(300, 30, 60, null)]
    [TestCase(300, -1, 60, "WarmUp must not be negative")]
    [TestCase(300, 30, 0, "Measure must be positive")]
    [TestCase(-5, 30, 60, "Period must be zero")]
    [TestCase(90, 30, 60, "never sleeps")]
    public void Problems_Settings_NameWhatIsWrong(int periodSeconds, int warmUpSeconds, int measureSeconds, string? problem)
    {
        var cycle = new DutyCycle(TimeSpan.FromSeconds(periodSeconds), TimeSpan.FromSeconds(warmUpSeconds), TimeSpan.FromSeconds(measureSeconds));

        Assert.That(cycle.Problems(), problem is null ? Is.Empty : Has.One.Contains(problem));
    }
}
