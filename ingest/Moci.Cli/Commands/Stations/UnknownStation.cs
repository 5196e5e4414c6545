using Moci.Ingest.Stations;

namespace Moci.Cli.Commands.Stations;

/// <summary>The one message for an id the registry does not know.</summary>
internal static class UnknownStation
{
    public static CliException Error(string id, StationStore store) => CliException.BadArgument(
        $"ID: no station '{id}' is registered in {store.DatabasePath}; `moci stations list` shows the registered ones.");
}
