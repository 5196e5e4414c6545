namespace Moci.Dashboard.Options;

/// <summary>
/// What every chart says about itself so that an exported image stands on its own: whose data it is, under which
/// licence, and the limit set drawn when a request names none. Section <c>Charts</c>.
/// </summary>
public sealed class ChartOptions
{
    public const string Section = "Charts";

    /// <summary>The limit set drawn by default on metrics that have values in it: <c>eu2008</c>, <c>eu2030</c>, <c>who2021</c> or <c>none</c>. Default <c>who2021</c>.</summary>
    public string DefaultLimits { get; set; } = "who2021";

    /// <summary>Where the data comes from, printed under every chart. One line. Default "MOCI community stations".</summary>
    public string Source { get; set; } = "MOCI community stations";

    /// <summary>Short name of the data licence printed under every chart. One line. Default "CC BY 4.0".</summary>
    public string Licence { get; set; } = "CC BY 4.0";

    /// <summary>Absolute http(s) URL of the licence text, printed beside its name. Default the CC BY 4.0 deed.</summary>
    public string LicenceUrl { get; set; } = "https://creativecommons.org/licenses/by/4.0/";
}
