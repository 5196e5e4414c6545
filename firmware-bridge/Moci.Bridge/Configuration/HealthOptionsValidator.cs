using Microsoft.Extensions.Options;

namespace Moci.Bridge.Configuration;

/// <summary>Start-up checks of <see cref="HealthOptions"/>.</summary>
internal sealed class HealthOptionsValidator : IValidateOptions<HealthOptions>
{
    public ValidateOptionsResult Validate(string? name, HealthOptions options) =>
        options.Interval < TimeSpan.FromSeconds(5) || options.Interval > TimeSpan.FromDays(1)
            ? ValidateOptionsResult.Fail($"health:interval must be between 5s and 1d (was {Duration.Format(options.Interval)}); 5m is usual.")
            : ValidateOptionsResult.Success;
}
