using Microsoft.Extensions.Options;
using Moci.Ingest.Stations;

namespace Moci.Ingest.Tests.Support;

/// <summary>A station registry over a real SQLite file in a temp folder, for tests that need only the registry.</summary>
public static class TestRegistry
{
    /// <summary>A registry holding <paramref name="stations"/> (imported as configuration would be, without secrets).</summary>
    public static StationRegistry Create(params StationOptions[] stations)
    {
        var folder = new TempDirectory();
        var options = new StationRegistryOptions();
        options.Stations.AddRange(stations);
        return new StationRegistry(new StationStore(folder.File("registry.db"), TimeProvider.System), Microsoft.Extensions.Options.Options.Create(options));
    }
}
