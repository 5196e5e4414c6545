using Moci.Bridge.Sensors.Air;

namespace Moci.Bridge.Tests.Sensors.Air;

public sealed class SensirionCrcTests
{
    [TestCase(0xBE, 0xEF, 0x92)] // the example in the SCD4x and SHT4x datasheets
    [TestCase(0x00, 0x00, 0x81)]
    public void Compute_DatasheetExample_GivesItsCrc(int high, int low, int crc)
    {
        Assert.That(SensirionCrc.Compute((byte)high, (byte)low), Is.EqualTo(crc));
    }
}
