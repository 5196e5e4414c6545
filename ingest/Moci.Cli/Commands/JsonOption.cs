using System.CommandLine;

namespace Moci.Cli.Commands;

/// <summary>The <c>--json</c> flag: machine-readable output on stdout and nothing else there.</summary>
internal sealed class JsonOption : Option<bool>
{
    public JsonOption(string description)
        : base("--json")
    {
        Description = description;
    }
}
