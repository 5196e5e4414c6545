using Moci.Bridge.Sensors;
using Moci.Bridge.Sensors.Bus;

namespace Moci.Bridge.Tests.Sensors.Bus;

public sealed class SensorBusTests
{
    [Test]
    public void OpenI2c_BusNotEnabled_ThrowsNamingTheConfigLine()
    {
        var ex = Assert.Throws<SensorException>(() => SensorBus.OpenI2c("air", 97, 0x76));

        Assert.That(ex!.Message, Does.Contain("'air'").And.Contain("/dev/i2c-97").And.Contain("dtparam=i2c_arm=on"));
    }

    [Test]
    public void OpenSerial_NoSuchPort_ThrowsNamingTheUartSettings()
    {
        var ex = Assert.Throws<SensorException>(() => SensorBus.OpenSerial("pm", "/dev/ttyMOCI-none"));

        Assert.That(ex!.Message, Does.Contain("'pm'").And.Contain("/dev/ttyMOCI-none").And.Contain("enable_uart=1").And.Contain("dialout"));
    }
}
