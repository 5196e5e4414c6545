using Moci.Cli.Mosquitto;
using Moci.Ingest.Tests.Support;

namespace Moci.Cli.Tests.Mosquitto;

public sealed class IntakeSecretTests
{
    [Test]
    public void LoadOrCreate_NoFile_WritesANewPasswordOnlyTheOwnerCanRead()
    {
        using var folder = new TempDirectory();

        var (password, created) = IntakeSecret.LoadOrCreate(folder.File("ingest.secret"));

        Assert.That(created, Is.True);
        Assert.That(password, Has.Length.EqualTo(32));
        Assert.That(File.ReadAllText(folder.File("ingest.secret")), Is.EqualTo(password + "\n"));
        Assert.That(File.GetUnixFileMode(folder.File("ingest.secret")), Is.EqualTo(UnixFileMode.UserRead | UnixFileMode.UserWrite));
    }

    [Test]
    public void LoadOrCreate_FileThere_KeepsItsPassword()
    {
        using var folder = new TempDirectory();
        File.WriteAllText(folder.File("ingest.secret"), "kept-password\n");

        var (password, created) = IntakeSecret.LoadOrCreate(folder.File("ingest.secret"));

        Assert.That(created, Is.False);
        Assert.That(password, Is.EqualTo("kept-password"));
    }

    [Test]
    public void LoadOrCreate_EmptyFile_WritesANewPassword()
    {
        using var folder = new TempDirectory();
        File.WriteAllText(folder.File("ingest.secret"), "\n");

        var (password, created) = IntakeSecret.LoadOrCreate(folder.File("ingest.secret"));

        Assert.That(created, Is.True);
        Assert.That(File.ReadAllText(folder.File("ingest.secret")).Trim(), Is.EqualTo(password));
    }

    [TestCase("two words")]
    [TestCase("user:password")]
    public void LoadOrCreate_UnusablePassword_SaysToDeleteTheFile(string content)
    {
        using var folder = new TempDirectory();
        File.WriteAllText(folder.File("ingest.secret"), content);

        var error = Assert.Throws<CliException>(() => IntakeSecret.LoadOrCreate(folder.File("ingest.secret")));

        Assert.That(error!.Message, Does.Contain(folder.File("ingest.secret")).And.Contain("delete it"));
    }
}
