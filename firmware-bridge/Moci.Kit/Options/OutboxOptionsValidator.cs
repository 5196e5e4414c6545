using Microsoft.Extensions.Options;

namespace Moci.Kit.Options;

/// <summary>Start-up checks of <see cref="OutboxOptions"/>, naming the setting under its configuration section.</summary>
internal sealed class OutboxOptionsValidator(string section) : IValidateOptions<OutboxOptions>
{
    public ValidateOptionsResult Validate(string? name, OutboxOptions options)
    {
        var failures = new List<string>();
        if (string.IsNullOrWhiteSpace(options.Directory))
        {
            failures.Add($"{section}:Directory must name the folder of the outbox files (e.g. data).");
        }
        else if (options.Directory.IndexOfAny(Path.GetInvalidPathChars()) >= 0)
        {
            failures.Add($"{section}:Directory '{options.Directory}' contains characters a path cannot hold.");
        }

        if (options.QuotaBytes < OutboxOptions.MinQuotaBytes)
        {
            failures.Add($"{section}:QuotaBytes must be at least {OutboxOptions.MinQuotaBytes} (2 MiB) (was {options.QuotaBytes}).");
        }

        return failures.Count == 0 ? ValidateOptionsResult.Success : ValidateOptionsResult.Fail(failures);
    }
}
