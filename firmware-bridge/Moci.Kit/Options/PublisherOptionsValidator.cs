using Microsoft.Extensions.Options;

namespace Moci.Kit.Options;

/// <summary>Start-up checks of <see cref="PublisherOptions"/>.</summary>
internal sealed class PublisherOptionsValidator(string section) : IValidateOptions<PublisherOptions>
{
    /// <summary>Largest pack a station may send: the hub's broker takes packets up to 256 KiB, topic and properties included.</summary>
    public const int MaxBatchBytesLimit = 224 * 1024;

    /// <summary>Most records the hub takes in one pack.</summary>
    public const int MaxBatchReadingsLimit = 10_000;

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

        if (options.MaxBatchReadings is < 1 or > MaxBatchReadingsLimit)
        {
            failures.Add($"{section}:MaxBatchReadings must be between 1 and {MaxBatchReadingsLimit} (was {options.MaxBatchReadings}); the hub takes at most {MaxBatchReadingsLimit} records per pack.");
        }

        if (options.MaxBatchBytes is < 1024 or > MaxBatchBytesLimit)
        {
            failures.Add($"{section}:MaxBatchBytes must be between 1024 and {MaxBatchBytesLimit} (was {options.MaxBatchBytes}); the hub's broker refuses packets above 256 KiB.");
        }

        if (options.MaxBatchesInFlight is < 1 or > 64)
        {
            failures.Add($"{section}:MaxBatchesInFlight must be between 1 and 64 (was {options.MaxBatchesInFlight}).");
        }

        return failures.Count == 0 ? ValidateOptionsResult.Success : ValidateOptionsResult.Fail(failures);
    }
}
