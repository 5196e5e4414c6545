using System.Globalization;
using Microsoft.Extensions.Options;

namespace Moci.Dashboard.Options;

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
