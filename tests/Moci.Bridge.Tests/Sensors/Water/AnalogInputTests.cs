using Iot.Device.Ads1115;
using Moci.Bridge.Sensors.Water;
using Moci.Bridge.Tests.Sensors.Support;

namespace Moci.Bridge.Tests.Sensors.Water;

public sealed class AnalogInputTests
{
    [Test]
    public void ReadProbeVolts_ThroughADivider_UndoesTheDivider()
    {
        var adc = new SimulatedAds1115();
        adc.SetVolts(InputMultiplexer.AIN3, 2.0);
        using var converter = new Ads1115Converter(adc);
        var input = new AnalogInput(converter, InputMultiplexer.AIN3, dividerRatio: 1.5);

        Assert.That(input.ReadProbeVolts("turbidity probe 'turbidity'"), Is.EqualTo(3.0).Within(0.0002));
    }

    [Test]
    public void Raw_ThroughADivider_GivesTheProbesVoltsAndTheInputs()
    {
        using var converter = new Ads1115Converter(new SimulatedAds1115());
        var input = new AnalogInput(converter, InputMultiplexer.AIN2, dividerRatio: 1.5);

        Assert.That(input.Raw(3.0), Is.EqualTo(new[] { new Moci.Bridge.Sensors.RawValue("probe", 3.0, "V"), new Moci.Bridge.Sensors.RawValue("AIN2 input", 2.0, "V") }));
    }

    [Test]
    public void Raw_WithoutADivider_GivesOnlyTheProbesVolts()
    {
        using var converter = new Ads1115Converter(new SimulatedAds1115());
        var input = new AnalogInput(converter, InputMultiplexer.AIN0);

        Assert.That(input.Raw(1.25), Is.EqualTo(new[] { new Moci.Bridge.Sensors.RawValue("probe", 1.25, "V") }));
    }

    [TestCase(0.5)]
    [TestCase(double.NaN)]
    public void Constructor_DividerRatioBelowOne_Throws(double ratio)
    {
        using var converter = new Ads1115Converter(new SimulatedAds1115());

        Assert.Throws<ArgumentOutOfRangeException>(() => new AnalogInput(converter, InputMultiplexer.AIN0, ratio));
    }
}
