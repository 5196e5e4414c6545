using System.Runtime.InteropServices;
using System.Runtime.Versioning;
using Moci.SystemTests.Support;

namespace Moci.SystemTests.Install;

/// <summary>
/// firmware-bridge/install.sh run for real into a temp root (<c>--root</c>): the program, the configuration with its
/// secret, the systemd unit and the user's sysusers entry land where the service expects them with the right
/// permissions; config.txt gets exactly the interfaces the configured sensors use; <c>--dry-run</c> writes
/// nothing; a mistake on the command line stops it with a message before anything is written.
/// </summary>
[UnsupportedOSPlatform("windows")]
public sealed class InstallScriptTests
{
    private const UnixFileMode Mode0640 = UnixFileMode.UserRead | UnixFileMode.UserWrite | UnixFileMode.GroupRead;
    private const UnixFileMode Mode0750 = UnixFileMode.UserRead | UnixFileMode.UserWrite | UnixFileMode.UserExecute | UnixFileMode.GroupRead | UnixFileMode.GroupExecute;
    private const UnixFileMode Mode0644 = UnixFileMode.UserRead | UnixFileMode.UserWrite | UnixFileMode.GroupRead | UnixFileMode.OtherRead;
    private const UnixFileMode Mode0755 = Mode0644 | UnixFileMode.UserExecute | UnixFileMode.GroupExecute | UnixFileMode.OtherExecute;

    private const string Bme280 = """{ "type": "bme280", "bus": 1, "address": "0x76" }""";

    private StationSandbox _sandbox = null!;

    [SetUp]
    public void CreateSandbox() => _sandbox = new StationSandbox();

    [TearDown]
    public void DeleteSandbox() => _sandbox.Dispose();

    private static string RepositoryFile(string path) => File.ReadAllText(Path.Combine(RepositoryRoot.Path, path));

    [Test]
    public async Task Root_WithConfig_PutsTheProgramConfigurationAndUnitInPlace()
    {
        var config = _sandbox.WriteConfiguration("station.json", Bme280);

        var run = await _sandbox.InstallAsync("--config", config);

        Assert.That(run.ExitCode, Is.Zero, run.ToString());
        var program = _sandbox.UnderRoot("opt/moci-bridge/moci-bridge");
        var installedConfig = _sandbox.UnderRoot("etc/moci-bridge/moci-bridge.json");
        var unit = _sandbox.UnderRoot("etc/systemd/system/moci-bridge.service");
        Assert.Multiple(() =>
        {
            Assert.That(File.ReadAllText(program), Is.EqualTo(StationSandbox.Program));
            Assert.That(File.GetUnixFileMode(program), Is.EqualTo(Mode0755));
            Assert.That(File.ReadAllText(installedConfig), Is.EqualTo(File.ReadAllText(config)));
            Assert.That(File.ReadAllText(unit), Is.EqualTo(RepositoryFile("firmware-bridge/systemd/moci-bridge.service")));
            Assert.That(File.GetUnixFileMode(unit), Is.EqualTo(Mode0644));
            Assert.That(File.ReadAllText(_sandbox.UnderRoot("usr/lib/sysusers.d/moci-bridge.conf")), Is.EqualTo(RepositoryFile("firmware-bridge/systemd/moci-bridge.sysusers")));
            Assert.That(Directory.Exists(_sandbox.UnderRoot("var/lib/moci-bridge")), Is.True, "the outbox's folder");
        });
    }

    [Test]
    public async Task Root_Configuration_HoldsTheSecretForRootAndTheBridgeGroupOnly()
    {
        var run = await _sandbox.InstallAsync("--config", _sandbox.WriteConfiguration("station.json", Bme280));

        Assert.That(run.ExitCode, Is.Zero, run.ToString());
        Assert.That(File.GetUnixFileMode(_sandbox.UnderRoot("etc/moci-bridge/moci-bridge.json")), Is.EqualTo(Mode0640));
        Assert.That(File.GetUnixFileMode(_sandbox.UnderRoot("etc/moci-bridge")), Is.EqualTo(Mode0750));
        Assert.That(File.GetUnixFileMode(_sandbox.UnderRoot("var/lib/moci-bridge")), Is.EqualTo(Mode0750));
    }

    [Test]
    public async Task Root_Unit_RunsTheInstalledProgramAsItsOwnUserInTheSensorGroups()
    {
        var run = await _sandbox.InstallAsync("--config", _sandbox.WriteConfiguration("station.json", Bme280));

        Assert.That(run.ExitCode, Is.Zero, run.ToString());
        var unit = File.ReadAllLines(_sandbox.UnderRoot("etc/systemd/system/moci-bridge.service"));
        var users = File.ReadAllLines(_sandbox.UnderRoot("usr/lib/sysusers.d/moci-bridge.conf"));
        var wrapper = File.ReadAllText(_sandbox.UnderRoot("usr/local/bin/moci-bridge"));
        Assert.Multiple(() =>
        {
            Assert.That(unit, Does.Contain("Type=notify"));
            Assert.That(unit, Does.Contain("Restart=on-failure"));
            Assert.That(unit, Does.Contain("User=moci"));
            Assert.That(unit, Does.Contain("ExecStart=/opt/moci-bridge/moci-bridge run --config /etc/moci-bridge/moci-bridge.json"));
            Assert.That(unit, Does.Contain("StateDirectory=moci-bridge"), "/var/lib/moci-bridge, writable under ProtectSystem=strict");
            Assert.That(unit, Has.None.StartsWith("PrivateDevices=").And.None.StartsWith("DevicePolicy=").And.None.StartsWith("ProtectClock="), "the sensors are devices");
            Assert.That(users, Has.Some.Match(@"^u moci -"));
            Assert.That(users, Does.Contain("m moci i2c").And.Contain("m moci gpio").And.Contain("m moci dialout"));
            Assert.That(wrapper, Does.Contain("exec /opt/moci-bridge/moci-bridge \"$@\"").And.Contain("/etc/moci-bridge/moci-bridge.json"));
            Assert.That(File.GetUnixFileMode(_sandbox.UnderRoot("usr/local/bin/moci-bridge")), Is.EqualTo(Mode0755));
        });
    }

    [TestCase("""{ "type": "bme280", "bus": 1, "address": "0x76" }""", "dtparam=i2c_arm=on")]
    [TestCase("""{ "type": "ph", "address": "0x48", "channel": 0 }""", "dtparam=i2c_arm=on")]
    [TestCase("""{ "type": "pms5003", "port": "/dev/serial0" }""", "enable_uart=1")]
    [TestCase("""{ "type": "ds18b20" }""", "dtoverlay=w1-gpio")]
    public async Task Root_SensorOnAPiInterface_SwitchesOnThatInterfaceOnly(string sensor, string line)
    {
        var run = await _sandbox.InstallAsync("--config", _sandbox.WriteConfiguration("station.json", sensor));

        Assert.That(run.ExitCode, Is.Zero, run.ToString());
        var configTxt = File.ReadAllLines(_sandbox.BootFile("config.txt"));
        string[] all = ["dtparam=i2c_arm=on", "enable_uart=1", "dtoverlay=w1-gpio"];
        Assert.That(configTxt, Does.Contain(line));
        Assert.That(configTxt.Intersect(all), Is.EqualTo(new[] { line }), "only the interface the sensor uses");
        Assert.That(run.Out, Does.Contain("reboot"));
    }

    [Test]
    public async Task Root_I2cSensor_UncommentsTheImagesI2cLine_AndLoadsI2cDev()
    {
        var run = await _sandbox.InstallAsync("--config", _sandbox.WriteConfiguration("station.json", Bme280));

        Assert.That(run.ExitCode, Is.Zero, run.ToString());
        var configTxt = File.ReadAllLines(_sandbox.BootFile("config.txt"));
        Assert.That(configTxt, Does.Contain("dtparam=i2c_arm=on").And.Not.Contain("#dtparam=i2c_arm=on"));
        Assert.That(configTxt.Count(l => l.Contains("i2c_arm", StringComparison.Ordinal)), Is.EqualTo(1));
        Assert.That(File.ReadAllText(_sandbox.UnderRoot("etc/modules-load.d/moci-bridge.conf")).Trim(), Is.EqualTo("i2c-dev"));
    }

    [Test]
    public async Task Root_SensorOnTheUart_TakesTheLoginConsoleOffIt()
    {
        var run = await _sandbox.InstallAsync("--config", _sandbox.WriteConfiguration("station.json", """{ "type": "gps", "port": "/dev/ttyAMA0" }"""));

        Assert.That(run.ExitCode, Is.Zero, run.ToString());
        Assert.That(File.ReadAllText(_sandbox.BootFile("cmdline.txt")), Does.Not.Contain("console=serial0").And.Contain("console=tty1").And.Contain("rootwait"));
    }

    [TestCase("""{ "type": "sds011", "port": "/dev/ttyUSB0" }""", TestName = "Root_SensorOnUsb_LeavesConfigTxtAlone")]
    [TestCase("""{ "type": "ds18b20", "enabled": false }""", TestName = "Root_DisabledSensor_LeavesConfigTxtAlone")]
    [TestCase("""{ "type": "sht4x" }""" + "\n    // { \"type\": \"ds18b20\" }", TestName = "Root_CommentedOutSensor_DoesNotCount")]
    public async Task Root_NoPiInterfaceNeeded_LeavesBootFilesAlone(string sensor)
    {
        var run = await _sandbox.InstallAsync("--config", _sandbox.WriteConfiguration("station.json", sensor));

        Assert.That(run.ExitCode, Is.Zero, run.ToString());
        var configTxt = File.ReadAllText(_sandbox.BootFile("config.txt"));
        Assert.That(configTxt, Does.Not.Contain("enable_uart").And.Not.Contain("w1-gpio"));
        Assert.That(File.ReadAllText(_sandbox.BootFile("cmdline.txt")), Is.EqualTo(StationSandbox.CmdlineTxt));
    }

    [Test]
    public async Task Root_RunTwice_ChangesBootFilesOnce_AndSaysNoRebootTheSecondTime()
    {
        var config = _sandbox.WriteConfiguration("station.json", Bme280, """{ "type": "pms5003", "port": "/dev/serial0" }""", """{ "type": "ds18b20" }""");
        var first = await _sandbox.InstallAsync("--config", config);
        var afterFirst = File.ReadAllText(_sandbox.BootFile("config.txt"));

        var second = await _sandbox.InstallAsync("--config", config);

        Assert.That(first.ExitCode, Is.Zero, first.ToString());
        Assert.That(second.ExitCode, Is.Zero, second.ToString());
        Assert.That(File.ReadAllText(_sandbox.BootFile("config.txt")), Is.EqualTo(afterFirst));
        Assert.That(first.Out, Does.Contain("reboot"));
        Assert.That(second.Out, Does.Not.Contain("reboot"));
    }

    [Test]
    public async Task Root_WithoutConfig_InstallsTheTemplate_ThenKeepsTheEditedFileOnUpdate()
    {
        var conf = _sandbox.UnderRoot("etc/moci-bridge/moci-bridge.json");

        var first = await _sandbox.InstallAsync();
        var template = File.ReadAllText(conf);
        File.WriteAllText(conf, "{ \"edited\": true }");
        var update = await _sandbox.InstallAsync();

        Assert.That(first.ExitCode, Is.Zero, first.ToString());
        Assert.That(template, Is.EqualTo(StationSandbox.Template));
        Assert.That(first.Out, Does.Contain("PASTE").Or.Contain("secret"), "says the template must be filled in before starting");
        Assert.That(update.ExitCode, Is.Zero, update.ToString());
        Assert.That(File.ReadAllText(conf), Is.EqualTo("{ \"edited\": true }"));
    }

    [Test]
    public async Task Root_NewConfig_ReplacesTheInstalledOne_KeepingItAsBak()
    {
        var old = _sandbox.WriteConfiguration("old.json", Bme280);
        var replacement = _sandbox.WriteConfiguration("new.json", """{ "type": "sht4x" }""");
        await _sandbox.InstallAsync("--config", old);

        var run = await _sandbox.InstallAsync("--config", replacement);

        Assert.That(run.ExitCode, Is.Zero, run.ToString());
        Assert.That(File.ReadAllText(_sandbox.UnderRoot("etc/moci-bridge/moci-bridge.json")), Is.EqualTo(File.ReadAllText(replacement)));
        Assert.That(File.ReadAllText(_sandbox.UnderRoot("etc/moci-bridge/moci-bridge.json.bak")), Is.EqualTo(File.ReadAllText(old)));
    }

    [Test]
    public async Task Root_Update_ReplacesTheProgramWhole()
    {
        await _sandbox.InstallAsync("--config", _sandbox.WriteConfiguration("station.json", Bme280));
        File.WriteAllText(_sandbox.UnderRoot("opt/moci-bridge/Stale.dll"), "from the previous version");

        var run = await _sandbox.InstallAsync();

        Assert.That(run.ExitCode, Is.Zero, run.ToString());
        Assert.That(File.Exists(_sandbox.UnderRoot("opt/moci-bridge/Stale.dll")), Is.False, "files of the old version go");
        Assert.That(File.Exists(_sandbox.UnderRoot("opt/moci-bridge/moci-bridge")), Is.True);
        Assert.That(Directory.Exists(_sandbox.UnderRoot("opt/moci-bridge.old")), Is.False);
    }

    [Test]
    public async Task DryRun_WritesNothing_AndSaysWhatItWould()
    {
        var before = _sandbox.Snapshot();

        var run = await _sandbox.InstallAsync("--dry-run", "--config", _sandbox.WriteConfiguration("station.json", Bme280, """{ "type": "ds18b20" }"""));

        Assert.That(run.ExitCode, Is.Zero, run.ToString());
        Assert.That(_sandbox.Snapshot(), Is.EqualTo(before));
        Assert.That(run.Out, Does.Contain("would: write " + _sandbox.UnderRoot("etc/systemd/system/moci-bridge.service")));
        Assert.That(run.Out, Does.Contain("would: write " + _sandbox.UnderRoot("etc/moci-bridge/moci-bridge.json")));
        Assert.That(run.Out, Does.Contain("dtparam=i2c_arm=on").And.Contain("dtoverlay=w1-gpio"));
    }

    [Test]
    public async Task DryRun_OnTheRunningSystem_WouldCreateTheUserAndEnableAndStartTheService()
    {
        if (RuntimeInformation.OSArchitecture != Architecture.X64 || Directory.Exists("/opt/moci-bridge"))
        {
            Assert.Ignore("needs an x86-64 machine without moci-bridge installed");
        }

        _sandbox.UseElfProgram(0x3E);

        var run = await StationSandbox.RunAsync("--dry-run", "--from", _sandbox.Package, "--config", _sandbox.WriteConfiguration("station.json", Bme280));

        Assert.That(run.ExitCode, Is.Zero, run.ToString());
        Assert.That(run.Out, Does.Contain("would: systemd-sysusers /usr/lib/sysusers.d/moci-bridge.conf").Or.Contain("would: useradd --system"));
        Assert.That(run.Out, Does.Contain("would: chgrp moci /etc/moci-bridge /etc/moci-bridge/moci-bridge.json"));
        Assert.That(run.Out, Does.Contain("would: systemctl enable moci-bridge.service").And.Contain("would: systemctl restart moci-bridge.service"));
        Assert.That(Directory.Exists("/opt/moci-bridge"), Is.False, "a dry run installs nothing");
    }

    [Test]
    public async Task OnTheRunningSystem_BuildForAnotherMachine_IsRefusedNamingBoth()
    {
        if (RuntimeInformation.OSArchitecture != Architecture.X64)
        {
            Assert.Ignore("needs an x86-64 machine");
        }

        _sandbox.UseElfProgram(0xB7);

        var run = await StationSandbox.RunAsync("--dry-run", "--from", _sandbox.Package);

        Assert.That(run.ExitCode, Is.Not.Zero);
        Assert.That(run.Error, Does.Contain("built for arm64 but this machine is x86_64").And.Contain("64-bit Raspberry Pi OS"));
    }

    [TestCase(new[] { "--bogus" }, "unknown argument '--bogus'")]
    [TestCase(new[] { "--config" }, "--config needs a file")]
    [TestCase(new[] { "--config", "/nonexistent/station.json" }, "--config /nonexistent/station.json: no such file")]
    [TestCase(new[] { "--purge" }, "--purge only goes with --uninstall")]
    public async Task BadArguments_ExitNonZero_WithAMessage_AndWriteNothing(string[] arguments, string message)
    {
        var before = _sandbox.Snapshot();

        var run = await _sandbox.InstallAsync(arguments);

        Assert.That(run.ExitCode, Is.Not.Zero);
        Assert.That(run.Error, Does.Contain(message));
        Assert.That(_sandbox.Snapshot(), Is.EqualTo(before));
    }

    [Test]
    public async Task FolderWithoutTheProgram_ExitsNonZero_SayingToPublishFirst()
    {
        File.Delete(Path.Combine(_sandbox.Package, "moci-bridge"));

        var run = await _sandbox.InstallAsync();

        Assert.That(run.ExitCode, Is.Not.Zero);
        Assert.That(run.Error, Does.Contain("no moci-bridge program").And.Contain("publish.sh"));
        Assert.That(Directory.Exists(_sandbox.UnderRoot("opt")), Is.False);
    }

    [Test]
    public async Task RootFolderMissing_ExitsNonZero_NamingIt()
    {
        var run = await StationSandbox.RunAsync("--from", _sandbox.Package, "--root", Path.Combine(_sandbox.Folder, "nowhere"));

        Assert.That(run.ExitCode, Is.Not.Zero);
        Assert.That(run.Error, Does.Contain("nowhere is not a folder"));
    }

    [Test]
    public async Task NotRoot_OnTheRunningSystem_RefusesAndSaysSudo()
    {
        if (Environment.UserName != "root")
        {
            var direct = await StationSandbox.RunAsync("--from", _sandbox.Package);
            Assert.That(direct.ExitCode, Is.Not.Zero);
            Assert.That(direct.Error, Does.Contain("must run as root: sudo"));
            return;
        }

        // As root here: run a copy as nobody, from a folder nobody may enter.
        var script = Path.Combine(_sandbox.Folder, "install.sh");
        File.Copy(StationSandbox.Script, script);
        File.SetUnixFileMode(_sandbox.Folder, Mode0755);
        File.SetUnixFileMode(script, Mode0755);
        var run = await ProcessRun.RunAsync("setpriv", ["--reuid=65534", "--regid=65534", "--clear-groups", script, "--from", _sandbox.Package], TimeSpan.FromSeconds(60));

        Assert.That(run.ExitCode, Is.Not.Zero);
        Assert.That(run.Error, Does.Contain("must run as root: sudo"));
    }

    [Test]
    public async Task Uninstall_RemovesProgramAndUnit_KeepsConfigurationAndOutbox()
    {
        await _sandbox.InstallAsync("--config", _sandbox.WriteConfiguration("station.json", Bme280));

        var run = await StationSandbox.RunAsync("--root", _sandbox.Root, "--uninstall");

        Assert.That(run.ExitCode, Is.Zero, run.ToString());
        Assert.That(Directory.Exists(_sandbox.UnderRoot("opt/moci-bridge")), Is.False);
        Assert.That(File.Exists(_sandbox.UnderRoot("etc/systemd/system/moci-bridge.service")), Is.False);
        Assert.That(File.Exists(_sandbox.UnderRoot("usr/local/bin/moci-bridge")), Is.False);
        Assert.That(File.Exists(_sandbox.UnderRoot("etc/moci-bridge/moci-bridge.json")), Is.True, "the station's secret is not thrown away unasked");
        Assert.That(Directory.Exists(_sandbox.UnderRoot("var/lib/moci-bridge")), Is.True, "unsent readings are not thrown away unasked");
    }

    [Test]
    public async Task UninstallPurge_AlsoDeletesConfigurationAndOutbox()
    {
        await _sandbox.InstallAsync("--config", _sandbox.WriteConfiguration("station.json", Bme280));

        var run = await StationSandbox.RunAsync("--root", _sandbox.Root, "--uninstall", "--purge");

        Assert.That(run.ExitCode, Is.Zero, run.ToString());
        Assert.That(Directory.Exists(_sandbox.UnderRoot("etc/moci-bridge")), Is.False);
        Assert.That(Directory.Exists(_sandbox.UnderRoot("var/lib/moci-bridge")), Is.False);
    }

    [Test]
    public async Task Script_IsShellcheckClean()
    {
        if (!File.Exists("/usr/bin/shellcheck"))
        {
            Assert.Ignore("shellcheck is not installed (apt-get install shellcheck)");
        }

        var run = await ProcessRun.RunAsync("/usr/bin/shellcheck", [StationSandbox.Script], TimeSpan.FromSeconds(60));

        Assert.That(run.ExitCode, Is.Zero, run.ToString());
    }

    [Test]
    public async Task Help_ListsEveryOption()
    {
        var run = await StationSandbox.RunAsync("--help");

        Assert.That(run.ExitCode, Is.Zero, run.ToString());
        Assert.That(run.Out, Does.Contain("--config FILE").And.Contain("--from DIR").And.Contain("--root DIR").And.Contain("--dry-run")
            .And.Contain("--no-start").And.Contain("--uninstall").And.Contain("--purge"));
    }
}
