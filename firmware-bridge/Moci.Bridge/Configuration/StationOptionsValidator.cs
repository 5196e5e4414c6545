using Microsoft.Extensions.Options;
using Moci.Telemetry.Protocol;

namespace Moci.Bridge.Configuration;

/// <summary>Start-up checks of <see cref="StationOptions"/>: the id, and a secret that can be read.</summary>
internal sealed class StationOptionsValidator(FileView files) : IValidateOptions<StationOptions>
{
    public ValidateOptionsResult Validate(string? name, StationOptions options)
    {
        var failures = new List<string>();
        if (StationId.Explain(options.Id) is { } problem)
        {
            failures.Add($"station:id: {problem}. Give the id the hub registered the station with (`moci stations list` on the hub shows them).");
        }

        var hasSecret = !string.IsNullOrWhiteSpace(options.Secret);
        var hasFile = !string.IsNullOrWhiteSpace(options.SecretFile);
        if (hasSecret && hasFile)
        {
            failures.Add("station:secret and station:secretFile are both set; keep one: the secret itself, or the file that holds it.");
        }
        else if (!hasSecret && !hasFile)
        {
            failures.Add("station:secret is missing; put the secret the hub printed for this station (`moci stations add`, or `moci stations rotate-secret ID` " +
                         "for a new one) in station:secret, or in a file that only the bridge may read and name it in station:secretFile (e.g. /etc/moci/secret).");
        }
        else if (hasFile && !StationSecret.TryRead(options, files, out _, out var unreadable))
        {
            failures.Add($"station:secretFile: {unreadable}.");
        }

        return failures.Count == 0 ? ValidateOptionsResult.Success : ValidateOptionsResult.Fail(failures);
    }
}
