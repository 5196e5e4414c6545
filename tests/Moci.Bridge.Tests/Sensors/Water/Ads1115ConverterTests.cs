using Iot.Device.Ads1115;
using Moci.Bridge.Sensors;
using Moci.Bridge.Sensors.Water;
using Moci.Bridge.Tests.Sensors.Support;

namespace Moci.Bridge.Tests.Sensors.Water;

public sealed class Ads1115ConverterTests
{
    [Test]
    public void ReadVolts_TwoInputs_GivesEachItsOwnVoltage()
    {
        var adc = new SimulatedAds1115();
        adc.SetVolts(InputMultiplexer.AIN0, 1.5);
        adc.SetVolts(InputMultiplexer.AIN2, 2.75);
        using var converter = new Ads1115Converter(adc);

        Assert.Multiple(() =>
        {
            Assert.That(converter.ReadVolts(InputMultiplexer.AIN0, "pH probe 'ph'"), Is.EqualTo(1.5).Within(0.000125));
            Assert.That(converter.ReadVolts(InputMultiplexer.AIN2, "TDS probe 'tds'"), Is.EqualTo(2.75).Within(0.000125));
            Assert.That(converter.ReadVolts(InputMultiplexer.AIN0, "pH probe 'ph'"), Is.EqualTo(1.5).Within(0.000125));
        });
    }

    [Test]
    public void ReadVolts_InputAtTheTopOfTheRange_ThrowsAskingForADivider()
    {
        var adc = new SimulatedAds1115();
        adc.SetVolts(InputMultiplexer.AIN1, 5.0);
        using var converter = new Ads1115Converter(adc);

        var ex = Assert.Throws<SensorException>(() => converter.ReadVolts(InputMultiplexer.AIN1, "turbidity probe 'turbidity'"));

        Assert.That(ex!.Message, Does.Contain("voltage divider").And.Contain("AIN1"));
    }

    [Test]
    public void ReadVolts_NoConverterAnswers_ThrowsNamingTheAddressPins()
    {
        var adc = new SimulatedAds1115 { Absent = true };
        using var converter = new Ads1115Converter(adc);

        var ex = Assert.Throws<SensorException>(() => converter.ReadVolts(InputMultiplexer.AIN0, "pH probe 'ph'"));

        Assert.That(ex!.Message, Does.Contain("I2C bus 1 at 0x48").And.Contain("ADDR pin"));
    }
}
