using Microsoft.Extensions.Options;

namespace Moci.Ingest.Options;

/// <summary>Start-up checks of <see cref="IntakeOptions"/>: each failure names the setting and says why.</summary>
internal sealed class IntakeOptionsValidator : IValidateOptions<IntakeOptions>
{
    public ValidateOptionsResult Validate(string? name, IntakeOptions options)
    {
        var failures = new List<string>();
        if (options.FutureTolerance < TimeSpan.Zero || options.FutureTolerance > IntakeOptions.MaxFutureTolerance)
        {
            failures.Add($"Intake:FutureTolerance must be between 00:00:00 and {IntakeOptions.MaxFutureTolerance:c} (was {options.FutureTolerance:c}).");
        }

        if (options.BackfillWindow <= TimeSpan.Zero || options.BackfillWindow > IntakeOptions.MaxBackfillWindow)
        {
            failures.Add($"Intake:BackfillWindow must be more than 00:00:00 and at most {IntakeOptions.MaxBackfillWindow:c} (was {options.BackfillWindow:c}).");
        }

        return failures.Count == 0 ? ValidateOptionsResult.Success : ValidateOptionsResult.Fail(failures);
    }
}
