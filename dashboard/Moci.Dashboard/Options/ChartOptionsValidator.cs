using Microsoft.Extensions.Options;
using Moci.Dashboard.Charts;
using Moci.Telemetry.Limits;

namespace Moci.Dashboard.Options;

/// <summary>Start-up checks of <see cref="ChartOptions"/>: a chart must not go out with a licence nobody can look up.</summary>
internal sealed class ChartOptionsValidator : IValidateOptions<ChartOptions>
{
    public ValidateOptionsResult Validate(string? name, ChartOptions options)
    {
        var failures = new List<string>();
        if (options.DefaultLimits != ChartLimits.None && !LimitSets.TryGet(options.DefaultLimits, out _))
        {
            failures.Add($"Charts:DefaultLimits '{options.DefaultLimits}' is not a limit set; use {LimitSets.KnownIds} or {ChartLimits.None}.");
        }

        OneLine(options.Source, "Source", "MOCI community stations", failures);
        OneLine(options.Licence, "Licence", "CC BY 4.0", failures);
        if (!Uri.TryCreate(options.LicenceUrl, UriKind.Absolute, out var url) || url.Scheme is not ("http" or "https"))
        {
            failures.Add($"Charts:LicenceUrl (or Exports:LicenceUrl, which the charts take when Charts sets none) must be an absolute http(s) URL of the licence text, e.g. https://creativecommons.org/licenses/by/4.0/ (was '{options.LicenceUrl}').");
        }

        return failures.Count == 0 ? ValidateOptionsResult.Success : ValidateOptionsResult.Fail(failures);
    }

    private static void OneLine(string? value, string key, string example, List<string> failures)
    {
        if (string.IsNullOrWhiteSpace(value))
        {
            failures.Add($"Charts:{key} must not be empty (e.g. \"{example}\"): every chart prints it. When Charts sets none it comes from Exports:{(key == "Source" ? "Attribution" : key)}.");
        }
        else if (value.AsSpan().IndexOfAny('\r', '\n') >= 0 || value.Length > 120)
        {
            failures.Add($"Charts:{key} must be one line of at most 120 characters: it is printed under every chart.");
        }
    }
}
