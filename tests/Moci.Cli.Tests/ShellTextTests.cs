namespace Moci.Cli.Tests;

public sealed class ShellTextTests
{
    [TestCase("/srv/moci/data/moci.db", "/srv/moci/data/moci.db")]
    [TestCase("/home/ana/MOCI hub/moci.db", "'/home/ana/MOCI hub/moci.db'")]
    [TestCase("/tmp/it's", "'/tmp/it'\\''s'")]
    [TestCase("$HOME/x", "'$HOME/x'")]
    [TestCase("", "''")]
    public void Quote_LeavesPlainPathsAndQuotesTheRest(string value, string quoted) =>
        Assert.That(ShellText.Quote(value), Is.EqualTo(quoted));
}
