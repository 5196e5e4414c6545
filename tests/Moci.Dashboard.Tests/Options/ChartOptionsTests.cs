using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;
using Moci.Dashboard.Options;

namespace Moci.Dashboard.Tests.Options;

public sealed class ChartOptionsTests
{
    /// <summary>The chart options as the dashboard binds them (<see cref="Extensions.AddChartOptions"/>) from <paramref name="settings"/>.</summary>
    private static ChartOptions Bind(Dictionary<string, string?> settings)
    {
        var services = new ServiceCollection();
        services.AddSingleton<IConfiguration>(new ConfigurationBuilder().AddInMemoryCollection(settings).Build());
        services.AddChartOptions();
        using var provider = services.BuildServiceProvider();
        return provider.GetRequiredService<IOptions<ChartOptions>>().Value;
    }

    [Test]
    public void Bind_ExportsLicenceOnly_ChartsStateTheExportLicence()
    {
        var charts = Bind(new()
        {
            ["Exports:Licence"] = "ODbL 1.0",
            ["Exports:LicenceUrl"] = "https://opendatacommons.org/licenses/odbl/1-0/",
            ["Exports:Attribution"] = "Shkodër river club",
        });

        Assert.That((charts.Licence, charts.LicenceUrl, charts.Source), Is.EqualTo(("ODbL 1.0", "https://opendatacommons.org/licenses/odbl/1-0/", "Shkodër river club")));
    }

    [Test]
    public void Bind_ChartsAndExportsBothSet_ChartsWin()
    {
        var charts = Bind(new()
        {
            ["Exports:Licence"] = "ODbL 1.0",
            ["Exports:Attribution"] = "Shkodër river club",
            ["Charts:Licence"] = "CC BY-SA 4.0",
        });

        Assert.That((charts.Licence, charts.Source), Is.EqualTo(("CC BY-SA 4.0", "Shkodër river club")));
    }

    [Test]
    public void Bind_NeitherSet_ChartsStateCcBy40()
    {
        var charts = Bind([]);

        Assert.That((charts.Licence, charts.LicenceUrl, charts.Source), Is.EqualTo(("CC BY 4.0", "https://creativecommons.org/licenses/by/4.0/", "MOCI community stations")));
    }

    [Test]
    public void Bind_BadExportLicenceUrl_FailsNamingBothKeys()
    {
        var services = new ServiceCollection();
        services.AddSingleton<IConfiguration>(new ConfigurationBuilder().AddInMemoryCollection(new Dictionary<string, string?> { ["Exports:LicenceUrl"] = "licence.txt" }).Build());
        services.AddChartOptions();
        using var provider = services.BuildServiceProvider();

        Assert.That(() => provider.GetRequiredService<IOptions<ChartOptions>>().Value,
            Throws.TypeOf<OptionsValidationException>().With.Message.Contains("Charts:LicenceUrl (or Exports:LicenceUrl"));
    }
}
