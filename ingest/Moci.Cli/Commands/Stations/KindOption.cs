using System.CommandLine;
using Moci.Telemetry.Stations;

namespace Moci.Cli.Commands.Stations;

/// <summary><c>--kind air|water|mobile</c>, by name only (not the enum's numbers), in any letter case.</summary>
internal sealed class KindOption : Option<StationKind>
{
    public KindOption()
        : base("--kind")
    {
        Required = true;
        HelpName = "air|water|mobile";
        Description = "What the station watches: air, water (a river station) or mobile (a kit carried along the route).";
        CustomParser = result =>
        {
            var text = result.Tokens[0].Value;
            switch (text.ToLowerInvariant())
            {
                case "air":
                    return StationKind.Air;
                case "water":
                    return StationKind.Water;
                case "mobile":
                    return StationKind.Mobile;
                default:
                    result.AddError($"--kind: '{text}' is not a station kind; use air, water or mobile.");
                    return default;
            }
        };
    }
}
