using System.Collections.Frozen;
using System.Diagnostics.CodeAnalysis;
using Microsoft.Extensions.Options;

namespace Moci.Ingest.Stations;

/// <summary>
/// The stations the hub accepts readings from, seeded from configuration. Thread-safe: immutable after
/// construction.
/// </summary>
public sealed class StationRegistry
{
    private readonly FrozenDictionary<string, Station> _byId;

    public StationRegistry(IOptions<StationRegistryOptions> options)
    {
        All = options.Value.Stations
            .Select(s => new Station(s.Id, string.IsNullOrWhiteSpace(s.Name) ? s.Id : s.Name, s.Kind, s.Latitude, s.Longitude, s.Initiative))
            .ToList();
        _byId = All.ToFrozenDictionary(s => s.Id, StringComparer.Ordinal);
    }

    /// <summary>All stations in configuration order.</summary>
    public IReadOnlyList<Station> All { get; }

    /// <summary>Finds a station by id.</summary>
    public bool TryGet(string id, [NotNullWhen(true)] out Station? station) => _byId.TryGetValue(id, out station);
}
