using Moci.Ingest.Exports;

namespace Moci.Dashboard.Options;

/// <summary>
/// What every chart says about itself so that an exported image stands on its own: whose data it is, under which
/// licence, and the limit set drawn when a request names none. Section <c>Charts</c>. A hub states its licence once,
/// in <c>Exports</c>: where <c>Charts</c> does not set <see cref="Licence"/>, <see cref="LicenceUrl"/> or
/// <see cref="Source"/>, the charts take <c>Exports:Licence</c>, <c>Exports:LicenceUrl</c> and <c>Exports:Attribution</c>
/// (<see cref="TakeExportLicence"/>), so that a chart and a CSV of the same data never state two licences.
/// </summary>
public sealed class ChartOptions
{
    public const string Section = "Charts";

    /// <summary>The limit set drawn by default on metrics that have values in it: <c>eu2008</c>, <c>eu2030</c>, <c>who2021</c> or <c>none</c>. Default <c>who2021</c>.</summary>
    public string DefaultLimits { get; set; } = "who2021";

    /// <summary>Where the data comes from (whom to credit), printed under every chart. One line. Default <c>Exports:Attribution</c>, else "MOCI community stations".</summary>
    public string Source { get; set; } = "MOCI community stations";

    /// <summary>Short name of the data licence printed under every chart. One line. Default <c>Exports:Licence</c>, else "CC BY 4.0".</summary>
    public string Licence { get; set; } = "CC BY 4.0";

    /// <summary>Absolute http(s) URL of the licence text, printed beside its name. Default <c>Exports:LicenceUrl</c>, else the CC BY 4.0 deed.</summary>
    public string LicenceUrl { get; set; } = "https://creativecommons.org/licenses/by/4.0/";

    /// <summary>
    /// Takes the licence, its URL and the attribution of the <c>Exports</c> section of <paramref name="configuration"/>
    /// where it sets them; runs before the <c>Charts</c> section is bound, which overrides what it sets.
    /// </summary>
    public static void TakeExportLicence(ChartOptions charts, IConfiguration configuration)
    {
        var exports = configuration.GetSection(ExportOptions.Section);
        charts.Licence = exports[nameof(ExportOptions.Licence)] ?? charts.Licence;
        charts.LicenceUrl = exports[nameof(ExportOptions.LicenceUrl)] ?? charts.LicenceUrl;
        charts.Source = exports[nameof(ExportOptions.Attribution)] ?? charts.Source;
    }
}
