using System.CommandLine;
using Moci.Bridge.Configuration;

namespace Moci.Bridge.Commands;

/// <summary><c>--broker mqtt://HOST:PORT</c>: the hub's MQTT broker.</summary>
internal sealed class BrokerOption : Option<BrokerAddress>
{
    public BrokerOption()
        : base("--broker")
    {
        Description = "The hub's MQTT broker: mqtt://HOST:PORT, or mqtts://HOST:PORT for TLS.";
        HelpName = "URI";
        Required = true;
        CustomParser = result =>
        {
            var text = result.Tokens.Count > 0 ? result.Tokens[0].Value : "";
            if (!BrokerAddress.TryParse(text, out var address, out var problem))
            {
                result.AddError($"--broker: {problem}.");
                return null;
            }

            return address;
        };
    }
}
