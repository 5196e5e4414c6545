using System.CommandLine;
using Moci.Telemetry.Protocol;

namespace Moci.Cli.Commands.DeadLetters;

/// <summary>The required <c>--station ID</c> option, checked by the wire protocol's rules before anything is opened.</summary>
internal sealed class StationOption : Option<string>
{
    public StationOption(string description)
        : base("--station")
    {
        Required = true;
        HelpName = "ID";
        Description = description + " Lowercase letters, digits and '-', e.g. rrg-school-01.";
        Validators.Add(result =>
        {
            if (StationId.Explain(result.GetValueOrDefault<string>()) is { } problem)
            {
                result.AddError($"--station: {problem}.");
            }
        });
    }
}
