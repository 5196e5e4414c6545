using Moci.Bridge.Configuration;
using Moci.Bridge.Sampling;
using Moci.Bridge.Sensors;

namespace Moci.Bridge.Tests.Sampling;

public sealed class SensorDriversTests
{
    [Test]
    public void Open_SerialSensorOnAPortThatIsNotThere_SaysWhatToCheck()
    {
        var options = new SensorOptions { Type = "sds011", Name = "dust", Port = "/dev/ttyUSB-moci-test-absent" };

        var error = Assert.Throws<SensorException>(() => SensorDrivers.Station.Open(options).Dispose());

        Assert.That(error.Message, Does.Contain("'dust': cannot open serial port /dev/ttyUSB-moci-test-absent").And.Contain("dialout"));
    }

    [TestCase("ph")]
    [TestCase("turbidity")]
    [TestCase("conductivity")]
    public void Open_AnalogueProbe_SaysThisBuildHasNoDriver(string type)
    {
        var error = Assert.Throws<SensorException>(() => SensorDrivers.Station.Open(new SensorOptions { Type = type, Name = "probe" }));

        Assert.That(error.Message, Is.EqualTo($"sensor 'probe': this build of moci-bridge has no driver for {type}; install a newer release or set \"enabled\": false."));
    }

    [Test]
    public void Open_DriverFailingWithAnIoError_IsASensorExceptionNamingTheSensor()
    {
        var drivers = new SensorDrivers(new Dictionary<string, Func<SensorOptions, ISensor>> { ["bme280"] = _ => throw new IOException("No such device") });

        var error = Assert.Throws<SensorException>(() => drivers.Open(new SensorOptions { Type = "BME280", Name = "air" }));

        Assert.That(error.Message, Is.EqualTo("sensor 'air' (BME280) cannot be opened: No such device"));
    }
}
