using System.Collections.Concurrent;

namespace Moci.Ingest.Intake;

/// <summary>
/// Whether each station is connected, from its retained <c>status</c> topic (<c>online</c>, or the last
/// will <c>offline</c>). Thread-safe.
/// </summary>
public sealed class StationPresence
{
    private readonly ConcurrentDictionary<string, PresenceState> _states = new(StringComparer.Ordinal);

    public void Set(string stationId, bool online, DateTimeOffset since) => _states[stationId] = new PresenceState(online, since);

    /// <summary>The last known state of a station, or null when it never published one.</summary>
    public PresenceState? Get(string stationId) => _states.TryGetValue(stationId, out var state) ? state : null;
}
