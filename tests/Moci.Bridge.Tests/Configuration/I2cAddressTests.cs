using Moci.Bridge.Configuration;

namespace Moci.Bridge.Tests.Configuration;

public sealed class I2cAddressTests
{
    [TestCase("0x76", 0x76)]
    [TestCase("0X4a", 0x4A)]
    [TestCase("118", 118)]
    [TestCase(" 0x62 ", 0x62)]
    public void TryParse_HexOrDecimal_IsRead(string text, int expected)
    {
        Assert.That(I2cAddress.TryParse(text, out var address), Is.True);
        Assert.That(address, Is.EqualTo(expected));
    }

    [TestCase("0x80")]
    [TestCase("200")]
    [TestCase("76h")]
    [TestCase("-1")]
    [TestCase("")]
    public void TryParse_Outside7BitsOrNotANumber_Refuses(string text) =>
        Assert.That(I2cAddress.TryParse(text, out _), Is.False);

    [Test]
    public void Format_WritesAsI2cdetectShows() => Assert.That(I2cAddress.Format(0x4A), Is.EqualTo("0x4a"));
}
