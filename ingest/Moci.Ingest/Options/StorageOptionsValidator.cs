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

        if (options.Kind == StorageKind.InfluxDB)
        {
            ValidateInfluxDB(options.InfluxDB, failures);
        }

        return failures.Count == 0 ? ValidateOptionsResult.Success : ValidateOptionsResult.Fail(failures);
    }

    private static void ValidateInfluxDB(StorageOptionsInfluxDB influx, List<string> failures)
    {
        const string section = StorageOptionsInfluxDB.Section;
        if (!Uri.TryCreate(influx.Url, UriKind.Absolute, out var url) || (url.Scheme != Uri.UriSchemeHttp && url.Scheme != Uri.UriSchemeHttps))
        {
            failures.Add($"{section}:Url must be the http:// or https:// address of InfluxDB 2.x, such as http://localhost:8086 (was '{influx.Url}').");
        }

        var hasToken = !string.IsNullOrWhiteSpace(influx.Token);
        var hasTokenFile = !string.IsNullOrWhiteSpace(influx.TokenFile);
        if (hasToken == hasTokenFile)
        {
            failures.Add(hasToken
                ? $"Give either {section}:Token or {section}:TokenFile, not both."
                : $"{section}:Token (or {section}:TokenFile, a file holding it) must give an API token with read and write access to the bucket.");
        }

        if (string.IsNullOrWhiteSpace(influx.Org))
        {
            failures.Add($"{section}:Org must name the InfluxDB organisation (its name or id).");
        }

        if (string.IsNullOrWhiteSpace(influx.Bucket))
        {
            failures.Add($"{section}:Bucket must name the bucket the readings go to.");
        }
    }
}
