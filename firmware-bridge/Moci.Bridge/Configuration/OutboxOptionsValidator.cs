using Microsoft.Extensions.Options;

namespace Moci.Bridge.Configuration;

/// <summary>Start-up checks of <see cref="OutboxOptions"/>.</summary>
internal sealed class OutboxOptionsValidator : IValidateOptions<OutboxOptions>
{
    public ValidateOptionsResult Validate(string? name, OutboxOptions options)
    {
        var failures = new List<string>();
        if (string.IsNullOrWhiteSpace(options.DataDir) || !Path.IsPathFullyQualified(options.DataDir))
        {
            failures.Add($"outbox:dataDir must be an absolute path (was '{options.DataDir}'); the usual one is /var/lib/moci-bridge, which the install script creates for the bridge's user.");
        }

        if (options.QuotaMegabytes is < 3 or > 100_000)
        {
            failures.Add($"outbox:quotaMegabytes must be between 3 and 100000 (was {options.QuotaMegabytes}); 50 holds more than 30 days of one-minute readings of ten metrics.");
        }

        return failures.Count == 0 ? ValidateOptionsResult.Success : ValidateOptionsResult.Fail(failures);
    }
}
