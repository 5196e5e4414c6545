using System.CommandLine;
using Moci.Bridge.Configuration;

namespace Moci.Bridge.Commands;

/// <summary><c>--config FILE</c>: the station's configuration file.</summary>
internal sealed class ConfigOption : Option<string>
{
    public ConfigOption()
        : base("--config", "-c")
    {
        Description = $"The station's configuration file. Default: ${ConfigFile.Variable}, else {ConfigFile.DefaultPath}.";
        HelpName = "FILE";
    }

    /// <summary>The file given, else the one the environment names, else the default.</summary>
    public string Resolve(ParseResult result, BridgeContext context) =>
        result.GetValue(this) is { Length: > 0 } given ? given
        : context.Environment(ConfigFile.Variable) is { Length: > 0 } variable ? variable
        : ConfigFile.DefaultPath;
}
