using System.Text.Json;
using System.Text.Json.Serialization;

namespace Moci.Cli.Commands;

/// <summary>How <c>--json</c> output is written: camelCase names, enums as lowercase strings, one document per run.</summary>
internal static class CliJson
{
    private static readonly JsonSerializerOptions Options = new(JsonSerializerDefaults.Web)
    {
        WriteIndented = true,
        Converters = { new JsonStringEnumConverter(JsonNamingPolicy.CamelCase) },
    };

    public static void Write<T>(TextWriter output, T value) => output.WriteLine(JsonSerializer.Serialize(value, Options));
}
