using System.Globalization;

namespace Moci.Dashboard.Options;

/// <summary>How the dashboard shows time and numbers. Section <c>Dashboard</c>.</summary>
public sealed class DashboardOptions
{
    public const string Section = "Dashboard";

    /// <summary>IANA time zone that chart axes and tables use. Default Europe/Tirane, where the stations are.</summary>
    public string TimeZone { get; set; } = "Europe/Tirane";

    /// <summary>Culture for dates and numbers on charts. Default en-GB (day/month, 24-hour clock).</summary>
    public string Culture { get; set; } = "en-GB";

    /// <summary>Seconds between refreshes of the live station board. Default 5.</summary>
    public int RefreshSeconds { get; set; } = 5;

    public TimeZoneInfo Zone() => TimeZoneInfo.FindSystemTimeZoneById(TimeZone);

    public CultureInfo CultureInfo() => System.Globalization.CultureInfo.GetCultureInfo(Culture);
}
