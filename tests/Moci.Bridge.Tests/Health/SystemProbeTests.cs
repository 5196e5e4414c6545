using Moci.Bridge.Health;

namespace Moci.Bridge.Tests.Health;

public sealed class SystemProbeTests
{
    private DirectoryInfo _root = null!;

    [SetUp]
    public void SetUp() => _root = Directory.CreateTempSubdirectory("moci-bridge-root-");

    [TearDown]
    public void TearDown() => _root.Delete(recursive: true);

    [Test]
    public void CpuTemperature_MillidegreesFromTheFirstThermalZone()
    {
        Write("sys/class/thermal/thermal_zone0/temp", "48312\n");

        Assert.That(new SystemProbe(_root.FullName).CpuTemperatureCelsius(), Is.EqualTo(48.312).Within(1e-9));
    }

    [Test]
    public void Uptime_FirstNumberOfProcUptime()
    {
        Write("proc/uptime", "12345.67 23456.78\n");

        Assert.That(new SystemProbe(_root.FullName).Uptime(), Is.EqualTo(TimeSpan.FromSeconds(12345.67)));
    }

    [Test]
    public void Figures_MachineWithoutThem_AreNull()
    {
        Write("sys/class/thermal/thermal_zone0/temp", "garbage");
        var probe = new SystemProbe(_root.FullName);

        Assert.That((probe.CpuTemperatureCelsius(), probe.Uptime()), Is.EqualTo(((double?)null, (TimeSpan?)null)));
    }

    [Test]
    public void DiskFree_OfTheFolder_IsPositive() =>
        Assert.That(SystemProbe.DiskFreeBytes(_root.FullName), Is.GreaterThan(0));

    private void Write(string relative, string text)
    {
        var path = Path.Combine(_root.FullName, relative);
        Directory.CreateDirectory(Path.GetDirectoryName(path)!);
        File.WriteAllText(path, text);
    }
}
