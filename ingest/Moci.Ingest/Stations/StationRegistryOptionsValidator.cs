using Microsoft.Extensions.Options;
using Moci.Telemetry.Protocol;

namespace Moci.Ingest.Stations;

/// <summary>Start-up checks of the configured stations; each failure names the entry and the setting.</summary>
internal sealed class StationRegistryOptionsValidator : IValidateOptions<StationRegistryOptions>
{
    public ValidateOptionsResult Validate(string? name, StationRegistryOptions options)
    {
        var failures = new List<string>();
        var seen = new HashSet<string>(StringComparer.Ordinal);
        for (var i = 0; i < options.Stations.Count; i++)
        {
            var station = options.Stations[i];
            var at = $"Stations:{i}";
            if (StationId.Explain(station.Id) is { } problem)
            {
                failures.Add($"{at}:Id: {problem}.");
            }
            else if (!seen.Add(station.Id))
            {
                failures.Add($"{at}:Id: the station id '{station.Id}' is configured twice.");
            }

            if (station.Latitude is < -90 or > 90 || !double.IsFinite(station.Latitude))
            {
                failures.Add($"{at}:Latitude must be between -90 and 90 degrees (was {station.Latitude}).");
            }

            if (station.Longitude is < -180 or > 180 || !double.IsFinite(station.Longitude))
            {
                failures.Add($"{at}:Longitude must be between -180 and 180 degrees (was {station.Longitude}).");
            }

            if (!Enum.IsDefined(station.Kind))
            {
                failures.Add($"{at}:Kind must be Air, Water or Mobile (was {station.Kind}).");
            }
        }

        return failures.Count == 0 ? ValidateOptionsResult.Success : ValidateOptionsResult.Fail(failures);
    }
}
