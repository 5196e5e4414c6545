using Microsoft.Extensions.Options;

namespace Moci.Ingest.Options;

/// <summary>Start-up checks of <see cref="DeadLetterOptions"/>: each failure names the setting and says why.</summary>
internal sealed class DeadLetterOptionsValidator : IValidateOptions<DeadLetterOptions>
{
    public ValidateOptionsResult Validate(string? name, DeadLetterOptions options)
    {
        var failures = new List<string>();
        if (options.MaxPayloadBytes is < 1 or > DeadLetterOptions.PayloadBytesLimit)
        {
            failures.Add($"DeadLetters:MaxPayloadBytes must be between 1 and {DeadLetterOptions.PayloadBytesLimit} (was {options.MaxPayloadBytes}).");
        }
        else if (options.MaxTotalBytes < options.MaxPayloadBytes)
        {
            failures.Add($"DeadLetters:MaxTotalBytes must be at least DeadLetters:MaxPayloadBytes ({options.MaxPayloadBytes}), so that one dead letter fits (was {options.MaxTotalBytes}).");
        }

        return failures.Count == 0 ? ValidateOptionsResult.Success : ValidateOptionsResult.Fail(failures);
    }
}
