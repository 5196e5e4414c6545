using Microsoft.Extensions.Options;

namespace Moci.Ingest.Exports;

/// <summary>Start-up checks of <see cref="ExportOptions"/>: a licence nobody can look up must not go out with the data.</summary>
public sealed class ExportOptionsValidator : IValidateOptions<ExportOptions>
{
    public ValidateOptionsResult Validate(string? name, ExportOptions options)
    {
        var failures = new List<string>();
        OneLine(options.Licence, "Licence", "CC BY 4.0", failures);
        OneLine(options.Attribution, "Attribution", "MOCI Environmental Monitoring network", failures);
        if (!Uri.TryCreate(options.LicenceUrl, UriKind.Absolute, out var url) || url.Scheme is not ("http" or "https"))
        {
            failures.Add($"Exports:LicenceUrl must be an absolute http(s) URL of the licence text, e.g. https://creativecommons.org/licenses/by/4.0/ (was '{options.LicenceUrl}').");
        }
        else if (options.LicenceUrl.IndexOfAny(['<', '>', '"', ' ']) >= 0)
        {
            failures.Add($"Exports:LicenceUrl must not contain <, >, quotes or spaces: it goes into the Link header (was '{options.LicenceUrl}').");
        }

        if (!ExportTimeZone.TryFind(options.TimeZone, out _))
        {
            failures.Add($"Exports:TimeZone '{options.TimeZone}' is not a time zone this machine knows; use an IANA name such as Europe/Tirane or Europe/Berlin.");
        }

        return failures.Count == 0 ? ValidateOptionsResult.Success : ValidateOptionsResult.Fail(failures);
    }

    private static void OneLine(string? value, string key, string example, List<string> failures)
    {
        if (string.IsNullOrWhiteSpace(value))
        {
            failures.Add($"Exports:{key} must not be empty (e.g. \"{example}\"): every export states it.");
        }
        else if (value.AsSpan().IndexOfAny('\r', '\n') >= 0)
        {
            failures.Add($"Exports:{key} must be one line: it is written as a comment line at the top of every CSV file.");
        }
    }
}
