using System.Collections.Concurrent;
using System.Runtime.CompilerServices;
using System.Threading.Channels;
using Moci.Ingest.Storage;

namespace Moci.Ingest.Intake;

/// <summary>
/// Whether each station is connected, from its retained <c>status</c> topic (<c>online</c>, or the last will
/// <c>offline</c>). A process that takes readings keeps it in memory, fed by its intake, and hands each change to
/// <see cref="StationPresenceWriter"/> for the hub's database; a process that takes none (<c>Intake:Enabled=false</c>)
/// answers from that database, as the ingests last recorded it. Thread-safe.
/// </summary>
public sealed class StationPresence
{
    private readonly ConcurrentDictionary<string, PresenceState> _states = new(StringComparer.Ordinal);

    // A station whose change is queued and not yet taken is in _unsaved; it is queued again only once taken, so the
    // queue holds at most one entry per station however often a status flaps, and the writer always takes the
    // station's newest state.
    private readonly ConcurrentDictionary<string, byte> _unsaved = new(StringComparer.Ordinal);
    private readonly Channel<string> _changed = Channel.CreateUnbounded<string>(new UnboundedChannelOptions { SingleReader = true });
    private readonly StationPresenceStore? _database;

    /// <summary>Presence kept in memory, from this process's intake (<see cref="Set"/>).</summary>
    public StationPresence()
    {
    }

    /// <summary>Presence read from the hub's database, where the ingests record it.</summary>
    internal StationPresence(StationPresenceStore database) => _database = database;

    /// <summary>
    /// Records a status message. The same state again (a broker gives the retained status anew whenever the intake
    /// reconnects) keeps the time it was first known. Never blocks and never touches the database: a change is queued
    /// for <see cref="StationPresenceWriter"/>.
    /// </summary>
    /// <param name="stationId">The station whose status topic it came on.</param>
    /// <param name="online">True for <c>online</c>, false for anything else (the last will says <c>offline</c>).</param>
    /// <param name="since">The hub's clock when the message was received (UTC).</param>
    public void Set(string stationId, bool online, DateTimeOffset since)
    {
        var state = new PresenceState(online, since);
        var kept = _states.AddOrUpdate(stationId, state, (_, known) => known.Online == online ? known : state);
        if (ReferenceEquals(kept, state) && _unsaved.TryAdd(stationId, 0))
        {
            _changed.Writer.TryWrite(stationId);
        }
    }

    /// <summary>The station's last known state, or null when it never published one (or no ingest recorded one).</summary>
    public async ValueTask<PresenceState?> FindAsync(string stationId, CancellationToken cancellationToken = default) =>
        _database is null
            ? _states.GetValueOrDefault(stationId)
            : await _database.FindAsync(stationId, cancellationToken);

    /// <summary>Every known station's last state, by station id: a snapshot.</summary>
    public async ValueTask<IReadOnlyDictionary<string, PresenceState>> AllAsync(CancellationToken cancellationToken = default) =>
        _database is null
            ? new Dictionary<string, PresenceState>(_states, StringComparer.Ordinal)
            : await _database.AllAsync(cancellationToken);

    /// <summary>
    /// The changes not yet taken, each as the station's newest state when it is taken; waits for the next one until
    /// <paramref name="cancellationToken"/> is cancelled. For one reader only.
    /// </summary>
    internal async IAsyncEnumerable<(string StationId, PresenceState State)> ChangesAsync([EnumeratorCancellation] CancellationToken cancellationToken)
    {
        while (await _changed.Reader.WaitToReadAsync(cancellationToken))
        {
            while (TryTakeChange(out var change))
            {
                yield return change;
            }
        }
    }

    /// <summary>Takes the next change without waiting; false when there is none.</summary>
    internal bool TryTakeChange(out (string StationId, PresenceState State) change)
    {
        if (_changed.Reader.TryRead(out var stationId))
        {
            // Marked as taken before its state is read: a Set after this queues the station again, and one before it
            // is what is read here.
            _unsaved.TryRemove(stationId, out _);
            change = (stationId, _states[stationId]);
            return true;
        }

        change = default;
        return false;
    }
}
