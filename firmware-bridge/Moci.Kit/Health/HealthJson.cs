using System.Text.Json;
using System.Text.Json.Serialization;

namespace Moci.Kit.Health;

/// <summary>The health report as JSON: camelCase names, enum values as lowercase words, nulls kept (a missing figure is news).</summary>
internal static class HealthJson
{
    private static readonly JsonSerializerOptions Options = new(JsonSerializerDefaults.Web)
    {
        Converters = { new JsonStringEnumConverter(JsonNamingPolicy.CamelCase) },
    };

    /// <summary>UTF-8 JSON of <paramref name="report"/>.</summary>
    public static byte[] Serialize(HealthReport report) => JsonSerializer.SerializeToUtf8Bytes(report, Options);
}
