using Moci.Bridge.Clock;

namespace Moci.Bridge.Tests.Clock;

public sealed class NtpClockTests
{
    private DirectoryInfo _root = null!;

    [SetUp]
    public void SetUp() => _root = Directory.CreateTempSubdirectory("moci-bridge-clock-");

    [TearDown]
    public void TearDown() => _root.Delete(recursive: true);

    private string TimesyncFile => Path.Combine(_root.FullName, "run", "systemd", "timesync", "synchronized");

    [TestCase(true, false, true)]
    [TestCase(false, true, true)]
    [TestCase(false, false, false)]
    public void IsSynchronised_TimesyncdsFileOrTheKernel(bool fileExists, bool kernelSaysSynchronised, bool expected)
    {
        if (fileExists)
        {
            Directory.CreateDirectory(Path.GetDirectoryName(TimesyncFile)!);
            File.WriteAllText(TimesyncFile, "");
        }

        var clock = new NtpClock(TimesyncFile, () => kernelSaysSynchronised);

        Assert.That(clock.IsSynchronised, Is.EqualTo(expected));
    }

    [Test]
    public void IsSynchronised_KernelCannotBeAskedAndNoFile_IsFalse() =>
        Assert.That(new NtpClock(TimesyncFile, () => null).IsSynchronised, Is.False);

    [Test]
    public void IsSynchronised_FollowsTheFileAsTimesyncdCreatesIt()
    {
        var clock = new NtpClock(TimesyncFile, () => false);
        var before = clock.IsSynchronised;

        Directory.CreateDirectory(Path.GetDirectoryName(TimesyncFile)!);
        File.WriteAllText(TimesyncFile, "");

        Assert.That((before, clock.IsSynchronised), Is.EqualTo((false, true)));
    }
}
