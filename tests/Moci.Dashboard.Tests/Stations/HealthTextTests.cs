using Moci.Dashboard.Stations;

namespace Moci.Dashboard.Tests.Stations;

public sealed class HealthTextTests
{
    [TestCase(0, "0 s")]
    [TestCase(59.9, "59 s")]
    [TestCase(60, "1 min")]
    [TestCase(3599, "59 min")]
    [TestCase(3600, "1 h 0 min")]
    [TestCase(12_000, "3 h 20 min")]
    [TestCase(86_400 * 4 + 7_300, "4 d 2 h")]
    [TestCase(-5, "0 s")]
    public void Duration_GivesItsTwoLargestUnits(double seconds, string text)
    {
        Assert.That(HealthText.Duration(seconds), Is.EqualTo(text));
    }

    [TestCase(0L, "0 B")]
    [TestCase(1023L, "1023 B")]
    [TestCase(1024L, "1.0 KiB")]
    [TestCase(3_565_158L, "3.4 MiB")]
    [TestCase(12_884_901_888L, "12.0 GiB")]
    public void Bytes_GivesBinaryUnits(long bytes, string text)
    {
        Assert.That(HealthText.Bytes(bytes), Is.EqualTo(text));
    }
}
