using System.Collections;
using System.Collections.Concurrent;
using MQTTnet;
using MQTTnet.Server;

namespace Moci.Ingest.Broker;

/// <summary>
/// The embedded broker's sessions that subscribed to their station's acknowledgement topic, by station, so that the
/// hub puts each acknowledgement straight into its station's session. Publishing it instead would make the broker
/// match it against the subscriptions of every connected session (MQTTnet checks each one in turn), which at a
/// thousand stations costs more than the rest of the batch's way through the hub. Empty when no embedded broker runs;
/// the intake then publishes acknowledgements over MQTT. Thread-safe.
/// </summary>
public sealed class AckSessions
{
    private readonly ConcurrentDictionary<string, MqttSessionStatus[]> _byStation = new(StringComparer.Ordinal);
    private readonly Lock _gate = new();

    /// <summary>Stations with at least one session subscribed to their acknowledgements.</summary>
    public int Stations => _byStation.Count;

    /// <summary>
    /// Queues <paramref name="message"/> (QoS 1, on the station's acknowledgement topic) for every session of
    /// <paramref name="stationId"/> subscribed to it, connected or not (a persistent session gets it when it
    /// reconnects, as it would from the broker). False when the station has no such session, or none took it.
    /// </summary>
    public bool TryDeliver(string stationId, MqttApplicationMessage message)
    {
        if (!_byStation.TryGetValue(stationId, out var sessions))
        {
            return false;
        }

        var delivered = false;
        foreach (var session in sessions)
        {
            try
            {
                delivered |= session.TryEnqueueApplicationMessage(message, out _);
            }
            catch (ObjectDisposedException)
            {
                // The session ended while the acknowledgement was on its way; the station sends the batch again.
            }
        }

        return delivered;
    }

    /// <summary>Keeps <paramref name="session"/> as one of <paramref name="stationId"/>'s, replacing an older session of the same client id.</summary>
    internal void Add(string stationId, MqttSessionStatus session)
    {
        lock (_gate)
        {
            var others = _byStation.TryGetValue(stationId, out var sessions)
                ? sessions.Where(s => s.Id != session.Id)
                : [];
            _byStation[stationId] = [.. others, session];
        }
    }

    /// <summary>
    /// Forgets the session of <paramref name="clientId"/>; when <paramref name="items"/> is given, only if it is that
    /// session (each session has its own items dictionary), so that a late notice of an ended session does not remove
    /// its successor.
    /// </summary>
    internal void Remove(string stationId, string clientId, IDictionary? items)
    {
        lock (_gate)
        {
            if (!_byStation.TryGetValue(stationId, out var sessions))
            {
                return;
            }

            var kept = sessions.Where(s => s.Id != clientId || (items is not null && !ReferenceEquals(s.Items, items))).ToArray();
            if (kept.Length == 0)
            {
                _byStation.TryRemove(stationId, out _);
            }
            else if (kept.Length != sessions.Length)
            {
                _byStation[stationId] = kept;
            }
        }
    }
}
