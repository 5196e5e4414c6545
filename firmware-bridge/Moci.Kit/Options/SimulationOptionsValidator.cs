using Microsoft.Extensions.Options;
using Moci.Telemetry.Protocol;

namespace Moci.Kit.Options;

/// <summary>Start-up checks of <see cref="SimulationOptions"/>, naming the setting under its configuration section.</summary>
internal sealed class SimulationOptionsValidator(string section) : IValidateOptions<SimulationOptions>
{
    /// <summary>Shortest time between two health reports: a report every few seconds would only load the hub.</summary>
    public static readonly TimeSpan MinHealthInterval = TimeSpan.FromSeconds(5);

    /// <summary>Longest time between two health reports.</summary>
    public static readonly TimeSpan MaxHealthInterval = TimeSpan.FromDays(1);

    public ValidateOptionsResult Validate(string? name, SimulationOptions options)
    {
        var failures = new List<string>();
        if (options.Interval < TimeSpan.FromSeconds(1))
        {
            failures.Add($"{section}:Interval must be at least 00:00:01 (was {options.Interval}).");
        }

        if (options.Backfill < TimeSpan.Zero)
        {
            failures.Add($"{section}:Backfill must not be negative (was {options.Backfill}).");
        }

        if (options.BackfillStep < TimeSpan.FromSeconds(1))
        {
            failures.Add($"{section}:BackfillStep must be at least 00:00:01 (was {options.BackfillStep}).");
        }

        if (options.HealthInterval < MinHealthInterval || options.HealthInterval > MaxHealthInterval)
        {
            failures.Add($"{section}:HealthInterval must be between 00:00:05 and 1.00:00:00 (was {options.HealthInterval}); 00:05:00 is usual.");
        }

        var seen = new HashSet<string>(StringComparer.Ordinal);
        for (var i = 0; i < options.Stations.Count; i++)
        {
            var id = options.Stations[i].Id;
            if (StationId.Explain(id) is { } problem)
            {
                failures.Add($"{section}:Stations:{i}:Id: {problem}.");
            }
            else if (!seen.Add(id))
            {
                failures.Add($"{section}:Stations:{i}:Id: the station id '{id}' is listed twice.");
            }
        }

        return failures.Count == 0 ? ValidateOptionsResult.Success : ValidateOptionsResult.Fail(failures);
    }
}
