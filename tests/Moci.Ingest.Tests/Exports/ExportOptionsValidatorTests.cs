using Moci.Ingest.Exports;

namespace Moci.Ingest.Tests.Exports;

public sealed class ExportOptionsValidatorTests
{
    [Test]
    public void Validate_Defaults_Succeed()
    {
        Assert.That(new ExportOptionsValidator().Validate(null, new ExportOptions()).Succeeded, Is.True);
    }

    [TestCase("Licence", "", "Exports:Licence")]
    [TestCase("Licence", "CC BY\n4.0", "Exports:Licence")]
    [TestCase("Attribution", " ", "Exports:Attribution")]
    [TestCase("LicenceUrl", "creativecommons.org/licenses/by/4.0", "Exports:LicenceUrl")]
    [TestCase("LicenceUrl", "ftp://example.org/licence", "Exports:LicenceUrl")]
    [TestCase("LicenceUrl", "https://example.org/a>b", "Exports:LicenceUrl")]
    [TestCase("TimeZone", "Europe/Atlantis", "Exports:TimeZone")]
    [TestCase("TimeZone", "", "Exports:TimeZone")]
    public void Validate_BadSetting_NamesIt(string property, string value, string named)
    {
        var options = new ExportOptions();
        typeof(ExportOptions).GetProperty(property)!.SetValue(options, value);

        var result = new ExportOptionsValidator().Validate(null, options);

        Assert.Multiple(() =>
        {
            Assert.That(result.Failed, Is.True);
            Assert.That(result.Failures!.Single(), Does.StartWith(named));
        });
    }
}
