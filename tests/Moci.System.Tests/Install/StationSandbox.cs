using System.Runtime.Versioning;
using Moci.SystemTests.Support;

namespace Moci.SystemTests.Install;

/// <summary>
/// A temp folder with what firmware-bridge/install.sh works on: a published folder (a stand-in <c>moci-bridge</c> and
/// the configuration template) and a Raspberry Pi's root file system (<c>boot/firmware/config.txt</c> and
/// <c>cmdline.txt</c> as Raspberry Pi OS ships them), so that <c>install.sh --root</c> can be checked file by file.
/// The unit and the sysusers file come from the repository, as when install.sh runs from the source tree.
/// </summary>
[UnsupportedOSPlatform("windows")]
public sealed class StationSandbox : IDisposable
{
    /// <summary>The stand-in program: a shell script, so the test does not need a publish.</summary>
    public const string Program = "#!/bin/sh\necho 'moci-bridge (test build)'\n";

    /// <summary>config.txt's lines about the interfaces as Raspberry Pi OS Lite (bookworm) writes them: all off.</summary>
    public const string ConfigTxt = "# For more options and information see http://rptl.io/configtxt\n#dtparam=i2c_arm=on\n#dtparam=i2s=on\n#dtparam=spi=on\n\ndtparam=audio=on\n\n[all]\n";

    /// <summary>cmdline.txt with the login console on the UART, as a fresh image has it.</summary>
    public const string CmdlineTxt = "console=serial0,115200 console=tty1 root=PARTUUID=6c586e13-02 rootfstype=ext4 fsck.repair=yes rootwait\n";

    /// <summary>A template with the layout of the real one: comments, one line per sensor, the spare ones disabled.</summary>
    public const string Template = """
        // The MOCI station bridge's configuration (template).
        {
          "station": { "id": "rrg-school-01", "secret": "PASTE-THE-SECRET-HERE" },
          "broker": { "uri": "mqtt://192.168.1.20:1883" },
          "sensors": [
            { "type": "bme280", "name": "air", "bus": 1, "address": "0x76" },
            { "type": "ds18b20", "name": "water-temp", "enabled": false }
          ]
        }
        """;

    public StationSandbox()
    {
        Folder = Path.Combine(Path.GetTempPath(), "moci-install-" + Guid.NewGuid().ToString("N"));
        Directory.CreateDirectory(Package);
        File.WriteAllText(Path.Combine(Package, "moci-bridge"), Program);
        File.SetUnixFileMode(Path.Combine(Package, "moci-bridge"), (UnixFileMode)0b111_101_101);
        File.WriteAllText(Path.Combine(Package, "moci-bridge.example.json"), Template);
        Directory.CreateDirectory(Path.Combine(Root, "boot", "firmware"));
        File.WriteAllText(BootFile("config.txt"), ConfigTxt);
        File.WriteAllText(BootFile("cmdline.txt"), CmdlineTxt);
    }

    /// <summary>
    /// Replaces the stand-in program by the start of an ELF executable for <paramref name="machine"/> (e_machine:
    /// 0x3E x86-64, 0xB7 AArch64), enough for install.sh's check that the build fits the machine.
    /// </summary>
    public void UseElfProgram(byte machine)
    {
        var header = new byte[64];
        "\u007fELF"u8.CopyTo(header);
        header[4] = 2; // 64-bit
        header[5] = 1; // little-endian
        header[18] = machine;
        File.WriteAllBytes(Path.Combine(Package, "moci-bridge"), header);
    }

    /// <summary>The sandbox's top folder.</summary>
    public string Folder { get; }

    /// <summary>The published folder (install.sh --from).</summary>
    public string Package => Path.Combine(Folder, "package");

    /// <summary>The Pi's root file system (install.sh --root).</summary>
    public string Root => Path.Combine(Folder, "root");

    /// <summary>The script under test, in the repository.</summary>
    public static string Script { get; } = Path.Combine(RepositoryRoot.Path, "firmware-bridge", "install.sh");

    /// <summary>A path under the Pi's root, e.g. <c>etc/moci-bridge/moci-bridge.json</c>.</summary>
    public string UnderRoot(string path) => Path.Combine(Root, path);

    /// <summary>A file of the Pi's boot partition.</summary>
    public string BootFile(string name) => Path.Combine(Root, "boot", "firmware", name);

    /// <summary>Writes a station configuration with the given sensor entries and returns its path.</summary>
    public string WriteConfiguration(string name, params string[] sensors)
    {
        var path = Path.Combine(Folder, name);
        File.WriteAllText(path, $$"""
            {
              "station": { "id": "shk-river-01", "secret": "s3cr3t-from-the-hub" },
              "broker": { "uri": "mqtt://hub.local:1883" },
              "sensors": [
                {{string.Join(",\n    ", sensors)}}
              ]
            }
            """);
        return path;
    }

    /// <summary>Runs install.sh with <paramref name="arguments"/> to completion.</summary>
    public static Task<ProcessRun> RunAsync(params string[] arguments) => ProcessRun.RunAsync(Script, arguments, TimeSpan.FromSeconds(60));

    /// <summary>Runs install.sh from <see cref="Package"/> into <see cref="Root"/> with further <paramref name="arguments"/>.</summary>
    public Task<ProcessRun> InstallAsync(params string[] arguments) => RunAsync(["--from", Package, "--root", Root, .. arguments]);

    /// <summary>Every file and folder under <see cref="Root"/> with its mode and content: what a dry run must not change.</summary>
    public string Snapshot() => string.Join('\n', Directory.EnumerateFileSystemEntries(Root, "*", SearchOption.AllDirectories)
        .Order(StringComparer.Ordinal)
        .Select(path => $"{Path.GetRelativePath(Root, path)} {File.GetUnixFileMode(path)} {(File.Exists(path) ? File.ReadAllText(path) : "")}"));

    public void Dispose()
    {
        try
        {
            Directory.Delete(Folder, recursive: true);
        }
        catch (IOException)
        {
        }
    }
}
