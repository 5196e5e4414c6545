using Microsoft.Extensions.Options;

namespace Moci.Ingest.Options;

/// <summary>Start-up checks of <see cref="StorageOptions"/>.</summary>
internal sealed class StorageOptionsValidator : IValidateOptions<StorageOptions>
{
    public ValidateOptionsResult Validate(string? name, StorageOptions options)
    {
        var failures = new List<string>();
        if (string.IsNullOrWhiteSpace(options.DatabasePath))
        {
            failures.Add("Storage:DatabasePath must name the SQLite file (e.g. data/moci.db).");
        }

        if (options.MaxBatchReadings < 1)
        {
            failures.Add($"Storage:MaxBatchReadings must be at least 1 (was {options.MaxBatchReadings}).");
        }

        if (options.QueueCapacity < 1)
        {
            failures.Add($"Storage:QueueCapacity must be at least 1 (was {options.QueueCapacity}).");
        }

        return failures.Count == 0 ? ValidateOptionsResult.Success : ValidateOptionsResult.Fail(failures);
    }
}
