using Moci.Dashboard.Options;

namespace Moci.Dashboard.Tests.Options;

public sealed class ChartOptionsValidatorTests
{
    [Test]
    public void Validate_Defaults_Succeed()
    {
        var result = new ChartOptionsValidator().Validate(null, new ChartOptions());

        Assert.That(result.Succeeded, Is.True, result.FailureMessage);
    }

    [TestCase("DefaultLimits", "who2005", "Charts:DefaultLimits 'who2005' is not a limit set")]
    [TestCase("Source", "", "Charts:Source must not be empty")]
    [TestCase("Licence", " ", "Charts:Licence must not be empty")]
    [TestCase("Licence", "CC BY 4.0\nplus", "Charts:Licence must be one line")]
    [TestCase("LicenceUrl", "creativecommons.org/licenses/by/4.0/", "Charts:LicenceUrl (or Exports:LicenceUrl, which the charts take when Charts sets none) must be an absolute http(s) URL")]
    [TestCase("LicenceUrl", "ftp://example.org/licence", "Charts:LicenceUrl (or Exports:LicenceUrl, which the charts take when Charts sets none) must be an absolute http(s) URL")]
    public void Validate_BadSetting_NamesIt(string key, string value, string message)
    {
        var options = new ChartOptions();
        typeof(ChartOptions).GetProperty(key)!.SetValue(options, value);

        var result = new ChartOptionsValidator().Validate(null, options);

        Assert.That(result.Failed, Is.True);
        Assert.That(result.FailureMessage, Does.Contain(message));
    }

    [TestCase("none")]
    [TestCase("eu2008")]
    public void Validate_DefaultLimitsNoneOrASet_Succeeds(string limits)
    {
        var result = new ChartOptionsValidator().Validate(null, new ChartOptions { DefaultLimits = limits });

        Assert.That(result.Succeeded, Is.True, result.FailureMessage);
    }
}
