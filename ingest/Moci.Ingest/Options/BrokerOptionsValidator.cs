using Microsoft.Extensions.Options;

namespace Moci.Ingest.Options;

/// <summary>Start-up checks of <see cref="BrokerOptions"/>: each failure names the setting and says why.</summary>
internal sealed class BrokerOptionsValidator : IValidateOptions<BrokerOptions>
{
    public ValidateOptionsResult Validate(string? name, BrokerOptions options)
    {
        var failures = new List<string>();
        if (options.Port is < 1 or > 65535)
        {
            failures.Add($"Broker:Port must be between 1 and 65535 (was {options.Port}).");
        }

        if (string.IsNullOrWhiteSpace(options.Host))
        {
            failures.Add("Broker:Host must name the MQTT broker's host (e.g. localhost).");
        }

        if (string.IsNullOrWhiteSpace(options.ClientId))
        {
            failures.Add("Broker:ClientId must not be empty.");
        }

        if (options.MaxPendingMessagesPerClient < 1)
        {
            failures.Add($"Broker:MaxPendingMessagesPerClient must be at least 1 (was {options.MaxPendingMessagesPerClient}).");
        }

        if (options.SharedSubscriptionGroup is { } group && (group.Length == 0 || group.IndexOfAny(['/', '+', '#']) >= 0))
        {
            failures.Add($"Broker:SharedSubscriptionGroup '{group}' must be a non-empty name without '/', '+' or '#'.");
        }

        if (options.MaxReconnectDelay <= TimeSpan.Zero)
        {
            failures.Add($"Broker:MaxReconnectDelay must be positive (was {options.MaxReconnectDelay}).");
        }

        return failures.Count == 0 ? ValidateOptionsResult.Success : ValidateOptionsResult.Fail(failures);
    }
}
