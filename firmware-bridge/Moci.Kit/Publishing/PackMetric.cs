using System.Text.Json;

namespace Moci.Kit.Publishing;

/// <summary>A metric of the outbox as a pack writes it: its name and catalogue unit, JSON-encoded once per outbox, not once per reading.</summary>
/// <param name="Name">The metric's name, relative to the station's base name.</param>
/// <param name="Unit">The metric's catalogue unit.</param>
internal readonly record struct PackMetric(JsonEncodedText Name, JsonEncodedText Unit);
