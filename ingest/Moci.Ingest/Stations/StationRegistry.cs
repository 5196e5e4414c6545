using System.Collections.Concurrent;
using System.Collections.Frozen;
using System.Diagnostics.CodeAnalysis;
using System.Security.Cryptography;
using System.Text;
using Microsoft.Extensions.Options;

namespace Moci.Ingest.Stations;

/// <summary>
/// The stations the hub accepts readings from, kept in the hub's database (<see cref="StationStore"/>) and held
/// in memory as an immutable snapshot. Stations configured under <c>Stations</c> are imported, without a
/// secret, when the database does not know them yet. <see cref="Refresh"/> (called every few seconds by
/// <see cref="StationRegistryWatcher"/>) picks up changes made by other processes, such as the <c>moci</c>
/// command line. Thread-safe.
/// </summary>
public sealed class StationRegistry
{
    private readonly StationStore _store;
    private readonly Lock _refreshLock = new();

    // After one slow PBKDF2 check succeeds, a station's reconnects are checked against a SHA-256 of the
    // secret, bound to the stored hash it was verified against; a new secret or a revocation voids it.
    private readonly ConcurrentDictionary<string, (string Hash, byte[] Fingerprint)> _verified = new(StringComparer.Ordinal);

    private Snapshot _snapshot;

    public StationRegistry(StationStore store, IOptions<StationRegistryOptions> options)
    {
        _store = store;
        _store.ImportMissing(options.Value.Stations.Select(s =>
            new Station(s.Id, string.IsNullOrWhiteSpace(s.Name) ? s.Id : s.Name, s.Kind, s.Latitude, s.Longitude, s.Initiative, StationState.Pending)));
        _snapshot = Load();
    }

    /// <summary>
    /// Raised after a refresh with the ids of stations whose secret or state changed (or that disappeared), so
    /// that their live connections can be closed.
    /// </summary>
    public event Action<IReadOnlyCollection<string>>? CredentialsChanged;

    /// <summary>All stations in the order they were registered.</summary>
    public IReadOnlyList<Station> All => _snapshot.Stations;

    /// <summary>Finds a station by id, whatever its state.</summary>
    public bool TryGet(string id, [NotNullWhen(true)] out Station? station)
    {
        if (_snapshot.ById.TryGetValue(id, out var registered))
        {
            station = registered.Station;
            return true;
        }

        station = null;
        return false;
    }

    /// <summary>Checks a station's secret in constant time (the first success per secret costs one PBKDF2 run).</summary>
    public StationAuthResult Authenticate(string id, string? secret)
    {
        if (!_snapshot.ById.TryGetValue(id, out var registered))
        {
            return StationAuthResult.UnknownStation;
        }

        if (registered.Station.State == StationState.Revoked)
        {
            return StationAuthResult.Revoked;
        }

        if (registered.SecretHash is not { } hash || registered.Station.State != StationState.Active)
        {
            return StationAuthResult.NoSecret;
        }

        if (string.IsNullOrEmpty(secret))
        {
            return StationAuthResult.WrongSecret;
        }

        var fingerprint = SHA256.HashData(Encoding.UTF8.GetBytes(secret));
        if (_verified.TryGetValue(id, out var known) && known.Hash == hash && CryptographicOperations.FixedTimeEquals(known.Fingerprint, fingerprint))
        {
            return StationAuthResult.Accepted;
        }

        if (!StationSecret.Verify(secret, hash))
        {
            return StationAuthResult.WrongSecret;
        }

        _verified[id] = (hash, fingerprint);
        return StationAuthResult.Accepted;
    }

    /// <summary>
    /// What a station's current credential is, as an opaque stamp: it changes when its secret or state does.
    /// Null for an unknown station.
    /// </summary>
    internal string? CredentialStamp(string id) =>
        _snapshot.ById.TryGetValue(id, out var registered) ? $"{registered.Station.State}:{registered.SecretHash}" : null;

    /// <summary>Gives a station a new secret (making it active) and returns it; the old one stops working at once.</summary>
    /// <exception cref="KeyNotFoundException">No such station.</exception>
    public string IssueSecret(string id)
    {
        var secret = StationSecret.Generate();
        if (!_store.SetSecretHash(id, StationSecret.Hash(secret)))
        {
            throw new KeyNotFoundException($"no station '{id}' is registered");
        }

        Refresh();
        return secret;
    }

    /// <summary>Re-reads the registry when another process (or this one) changed it, and reports changed credentials.</summary>
    public void Refresh()
    {
        IReadOnlyCollection<string> changed;
        lock (_refreshLock)
        {
            if (_store.Version() == _snapshot.Version)
            {
                return;
            }

            var previous = _snapshot;
            _snapshot = Load();
            changed = previous.ById.Values
                .Where(old => !_snapshot.ById.TryGetValue(old.Station.Id, out var now) ||
                              now.SecretHash != old.SecretHash || now.Station.State != old.Station.State)
                .Select(old => old.Station.Id)
                .ToList();
            foreach (var id in changed)
            {
                _verified.TryRemove(id, out _);
            }
        }

        if (changed.Count > 0)
        {
            CredentialsChanged?.Invoke(changed);
        }
    }

    private Snapshot Load()
    {
        // Read the version first: a change that lands between the two reads is picked up by the next refresh.
        var version = _store.Version();
        var stations = _store.All();
        return new Snapshot(version, stations.Select(s => s.Station).ToList(), stations.ToFrozenDictionary(s => s.Station.Id, StringComparer.Ordinal));
    }

    private sealed record Snapshot(long Version, IReadOnlyList<Station> Stations, FrozenDictionary<string, RegisteredStation> ById);
}
