using Microsoft.Extensions.Options;

namespace Moci.Bridge.Configuration;

/// <summary>Start-up checks of <see cref="SamplingOptions"/>.</summary>
internal sealed class SamplingOptionsValidator : IValidateOptions<SamplingOptions>
{
    /// <summary>Shortest time between two reads of a sensor.</summary>
    public static readonly TimeSpan MinInterval = TimeSpan.FromSeconds(1);

    /// <summary>Longest time between two reads of a sensor.</summary>
    public static readonly TimeSpan MaxInterval = TimeSpan.FromHours(1);

    /// <summary>Longest averaging window.</summary>
    public static readonly TimeSpan MaxAveraging = TimeSpan.FromDays(1);

    public ValidateOptionsResult Validate(string? name, SamplingOptions options)
    {
        var failures = new List<string>();
        failures.AddRange(Explain(options.Interval, options.Averaging, "sampling:interval", "sampling:averaging"));
        if (string.IsNullOrWhiteSpace(options.TimesyncFile))
        {
            failures.Add("sampling:timesyncFile must name systemd-timesyncd's file (default /run/systemd/timesync/synchronized).");
        }

        return failures.Count == 0 ? ValidateOptionsResult.Success : ValidateOptionsResult.Fail(failures);
    }

    /// <summary>What is wrong with an interval and averaging window, each problem starting with the setting it names.</summary>
    public static IEnumerable<string> Explain(TimeSpan interval, TimeSpan averaging, string intervalKey, string averagingKey)
    {
        if (interval < MinInterval || interval > MaxInterval)
        {
            yield return $"{intervalKey} must be between 1s and 1h (was {Duration.Format(interval)}).";
            yield break;
        }

        if (averaging == TimeSpan.Zero)
        {
            yield break;
        }

        if (averaging < interval || averaging.Ticks % interval.Ticks != 0 || averaging > MaxAveraging)
        {
            yield return $"{averagingKey} must be 0s (every sample sent as it is) or a whole multiple of the interval ({Duration.Format(interval)}) up to 1d " +
                         $"(was {Duration.Format(averaging)}); e.g. 1m of 1s samples gives one-minute means of 60 samples.";
        }
    }
}
