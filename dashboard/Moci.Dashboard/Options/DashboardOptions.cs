using System.Globalization;
using Microsoft.Extensions.Options;

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

/// <summary>Start-up checks of <see cref="DashboardOptions"/>.</summary>
internal sealed class DashboardOptionsValidator : IValidateOptions<DashboardOptions>
{
    public ValidateOptionsResult Validate(string? name, DashboardOptions options)
    {
        var failures = new List<string>();
        try
        {
            options.Zone();
        }
        catch (Exception ex) when (ex is TimeZoneNotFoundException or InvalidTimeZoneException)
        {
            failures.Add($"Dashboard:TimeZone '{options.TimeZone}' is not a time zone this machine knows (use an IANA name such as Europe/Tirane; install tzdata if none work).");
        }

        try
        {
            options.CultureInfo();
        }
        catch (CultureNotFoundException)
        {
            failures.Add($"Dashboard:Culture '{options.Culture}' is not a known culture (e.g. sq-AL, en-GB, de-DE).");
        }

        if (options.RefreshSeconds is < 1 or > 3600)
        {
            failures.Add($"Dashboard:RefreshSeconds must be between 1 and 3600 (was {options.RefreshSeconds}).");
        }

        return failures.Count == 0 ? ValidateOptionsResult.Success : ValidateOptionsResult.Fail(failures);
    }
}
