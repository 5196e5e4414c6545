using System.Text.Json;

namespace Moci.Cli.Commands.Stations;

/// <summary>What <c>add --json</c> and <c>rotate-secret --json</c> print: exactly the id and the new secret.</summary>
/// <param name="Id">Station id: the MQTT user name.</param>
/// <param name="Secret">The secret: the MQTT password. Shown this once; the hub keeps only its hash.</param>
internal sealed record SecretIssued(string Id, string Secret)
{
    /// <summary>One line, <c>{"id": "…", "secret": "…"}</c>, so that a script can read it whole.</summary>
    public string ToJson() => $"{{\"id\": {JsonSerializer.Serialize(Id)}, \"secret\": {JsonSerializer.Serialize(Secret)}}}";
}
