using Moci.Telemetry.Protocol;

namespace Moci.Telemetry.Tests.Protocol;

public sealed class LogTextTests
{
    [TestCase("pm10", "'pm10'")]
    [TestCase("kg/m3", "'kg/m3'")]
    [TestCase("", "''")]
    [TestCase(null, "''")]
    public void Quote_PrintableAscii_IsKeptInQuotes(string? text, string quoted)
    {
        Assert.That(LogText.Quote(text), Is.EqualTo(quoted));
    }

    [TestCase("a\nb", @"'a\u000Ab'")]
    [TestCase("a\r\nINFO fake line", @"'a\u000D\u000AINFO fake line'")]
    [TestCase("\u001b[31mred", @"'\u001B[31mred'")]
    [TestCase("\u007f\u0000", @"'\u007F\u0000'")]
    [TestCase("µg/m³", @"'\u00B5g/m\u00B3'")]
    [TestCase("it's", @"'it\u0027s'")]
    [TestCase(@"back\slash", @"'back\u005Cslash'")]
    [TestCase("\u2028", @"'\u2028'")]
    public void Quote_ControlNonAsciiQuoteAndBackslash_AreEscaped(string text, string quoted)
    {
        Assert.That(LogText.Quote(text), Is.EqualTo(quoted));
    }

    [Test]
    public void Quote_LongText_KeepsOnlyAPrefixAndMarksTheCut()
    {
        var quoted = LogText.Quote(new string('x', 10_000));

        Assert.That(quoted, Is.EqualTo("'" + new string('x', LogText.MaxQuoted) + "...'"));
    }

    [Test]
    public void Quote_AnyText_IsPrintableAsciiOfBoundedLength()
    {
        var everyChar = new string(Enumerable.Range(0, 0x10000).Select(i => (char)i).ToArray());

        var quoted = LogText.Quote(everyChar);

        Assert.That(quoted.All(c => c is >= ' ' and <= '~'), Is.True, quoted);
        Assert.That(quoted, Has.Length.LessThanOrEqualTo((LogText.MaxQuoted * 6) + 5));
    }

    [Test]
    public void Escape_GivenLength_KeepsThatManyCharacters()
    {
        Assert.That(LogText.Escape("abcdef", 3), Is.EqualTo("abc..."));
        Assert.That(LogText.Escape("abc", 3), Is.EqualTo("abc"));
    }
}
