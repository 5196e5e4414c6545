using System.Text.Json;
using System.Text.Json.Serialization;

namespace Moci.Ingest.Tests.Support;

/// <summary>JSON options matching the API's: web defaults, enums as strings.</summary>
public static class Json
{
    public static readonly JsonSerializerOptions Options = new(JsonSerializerDefaults.Web)
    {
        Converters = { new JsonStringEnumConverter() },
    };
}
