using System.CommandLine;
using Moci.Telemetry.Protocol;

namespace Moci.Cli.Commands.Stations;

/// <summary>The <c>ID</c> argument: a station id, checked by the wire protocol's rules before anything is opened.</summary>
internal sealed class StationIdArgument : Argument<string>
{
    public StationIdArgument(string description)
        : base("ID")
    {
        Description = description + " Lowercase letters, digits and '-', e.g. rrg-school-01.";
        Validators.Add(result =>
        {
            if (StationId.Explain(result.GetValueOrDefault<string>()) is { } problem)
            {
                result.AddError($"ID: {problem}.");
            }
        });
    }
}
