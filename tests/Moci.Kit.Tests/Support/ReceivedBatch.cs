using Moci.Telemetry.Readings;
using MQTTnet;

namespace Moci.Kit.Tests.Support;

/// <summary>A readings batch as the <see cref="TestHub"/> received it.</summary>
/// <param name="Station">The station whose topic it came on.</param>
/// <param name="Sequence">Its <c>seq</c> user property.</param>
/// <param name="Readings">Its readings, decoded.</param>
/// <param name="Message">The MQTT message itself.</param>
/// <param name="Problem">What the hub would find wrong with it; null when every record is a reading it would store.</param>
internal sealed record ReceivedBatch(string Station, long Sequence, IReadOnlyList<Reading> Readings, MqttApplicationMessage Message, string? Problem);
