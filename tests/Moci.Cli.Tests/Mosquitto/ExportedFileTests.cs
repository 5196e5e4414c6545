using Moci.Cli.Mosquitto;
using Moci.Ingest.Tests.Support;

namespace Moci.Cli.Tests.Mosquitto;

public sealed class ExportedFileTests
{
    [Test]
    public void Write_ReplacesTheFileWholeAndLeavesNoTemporaryFile()
    {
        using var folder = new TempDirectory();
        File.WriteAllText(folder.File("acl"), "old contents that are longer than the new ones");

        ExportedFile.Write(folder.File("acl"), "new", ExportedFile.Public);

        Assert.That(File.ReadAllText(folder.File("acl")), Is.EqualTo("new"));
        Assert.That(Directory.GetFiles(folder.Path).Select(Path.GetFileName), Is.EqualTo(new[] { "acl" }));
    }

    [TestCase(ExportedFile.Private)]
    [TestCase(ExportedFile.Public)]
    public void Write_NewFile_GetsTheMode(UnixFileMode mode)
    {
        using var folder = new TempDirectory();

        ExportedFile.Write(folder.File("passwords"), "x", mode);

        Assert.That(File.GetUnixFileMode(folder.File("passwords")), Is.EqualTo(mode));
    }

    [Test]
    public void Write_OverAWorldReadableFile_MakesItPrivate()
    {
        using var folder = new TempDirectory();
        File.WriteAllText(folder.File("passwords"), "old");
        File.SetUnixFileMode(folder.File("passwords"), ExportedFile.Public);

        ExportedFile.Write(folder.File("passwords"), "new", ExportedFile.Private);

        Assert.That(File.GetUnixFileMode(folder.File("passwords")), Is.EqualTo(ExportedFile.Private));
    }
}
