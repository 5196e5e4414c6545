using MQTTnet.Protocol;

namespace Moci.Ingest.Tests.Support;

/// <summary>A readings message with the MQTT 5 properties it is published with, odd ones included.</summary>
/// <param name="Pack">Topic, payload and the <c>seq</c> a station would send.</param>
/// <param name="ExtraProperties">User properties sent before the <c>seq</c>: repeated, garbled or many.</param>
/// <param name="ContentType">The content type property, or null for none.</param>
/// <param name="Format">The payload format indicator: unspecified bytes, or (claimed) UTF-8 text.</param>
/// <param name="Retain">The retain flag.</param>
internal sealed record MqttPack(
    PackMessage Pack,
    IReadOnlyList<(string Name, byte[] Value)> ExtraProperties,
    string? ContentType,
    MqttPayloadFormatIndicator Format,
    bool Retain);
