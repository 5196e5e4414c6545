using Microsoft.Extensions.Time.Testing;
using Moci.Ingest.Stations;

namespace Moci.Cli.Tests.Support;

/// <summary>Reads what the command line wrote, the way the hub does: through the registry's own store.</summary>
internal static class Registry
{
    public static RegisteredStation? Find(string databasePath, string id)
    {
        using var store = new StationStore(databasePath, new FakeTimeProvider());
        return store.Find(id);
    }

    public static IReadOnlyList<RegisteredStation> All(string databasePath)
    {
        using var store = new StationStore(databasePath, new FakeTimeProvider());
        return store.All();
    }
}
