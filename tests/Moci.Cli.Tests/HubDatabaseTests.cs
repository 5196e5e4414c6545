using Moci.Cli.Tests.Support;

namespace Moci.Cli.Tests;

public sealed class HubDatabaseTests
{
    private TestCli _cli = null!;

    [SetUp]
    public void CreateCli() => _cli = new TestCli();

    [TearDown]
    public void DeleteFolder() => _cli.Dispose();

    private CliContext Context => new(TextWriter.Null, TextWriter.Null, _cli.Time, _ => null, _cli.Folder);

    [Test]
    public void OpenExisting_Missing_NamesTheFileAndTheWaysToFixIt()
    {
        var error = Assert.Throws<CliException>(() => HubDatabase.OpenExisting(_cli.DatabasePath, Context));

        Assert.That(error!.ExitCode, Is.EqualTo(ExitCodes.CannotUseFiles));
        Assert.That(error.Message, Does.Contain(_cli.DatabasePath).And.Contain("$MOCI_DB").And.Contain("moci stations add"));
    }

    [Test]
    public void OpenExisting_Folder_AsksForTheFileInIt()
    {
        var error = Assert.Throws<CliException>(() => HubDatabase.OpenExisting(_cli.Folder, Context));

        Assert.That(error!.Message, Does.Contain("is a folder").And.Contain(Path.Combine(_cli.Folder, "moci.db")));
    }

    [Test]
    public void OpenOrCreate_Missing_CreatesTheFileAndSaysSo()
    {
        using var error = new StringWriter();

        using (HubDatabase.OpenOrCreate(_cli.DatabasePath, Context with { Error = error }))
        {
        }

        Assert.That(File.Exists(_cli.DatabasePath), Is.True);
        Assert.That(error.ToString(), Does.Contain("Created the hub database " + _cli.DatabasePath));
    }
}
