using Microsoft.Extensions.Options;

namespace Moci.Kit.Options;

/// <summary>Start-up checks of <see cref="PublisherOptions"/>.</summary>
internal sealed class PublisherOptionsValidator(string section) : IValidateOptions<PublisherOptions>
{
    public ValidateOptionsResult Validate(string? name, PublisherOptions options)
    {
        var failures = new List<string>();
        if (string.IsNullOrWhiteSpace(options.Host))
        {
            failures.Add($"{section}:Host must name the MQTT broker's host (e.g. localhost).");
        }

        if (options.Port is < 1 or > 65535)
        {
            failures.Add($"{section}:Port must be between 1 and 65535 (was {options.Port}).");
        }

        if (options.AckTimeout < TimeSpan.FromSeconds(1))
        {
            failures.Add($"{section}:AckTimeout must be at least 00:00:01 (was {options.AckTimeout}).");
        }

        if (options.MaxReconnectDelay <= TimeSpan.Zero)
        {
            failures.Add($"{section}:MaxReconnectDelay must be positive (was {options.MaxReconnectDelay}).");
        }

        if (options.OutboxCapacity < 1)
        {
            failures.Add($"{section}:OutboxCapacity must be at least 1 (was {options.OutboxCapacity}).");
        }

        return failures.Count == 0 ? ValidateOptionsResult.Success : ValidateOptionsResult.Fail(failures);
    }
}
