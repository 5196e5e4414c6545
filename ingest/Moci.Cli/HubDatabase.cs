using Microsoft.Data.Sqlite;
using Moci.Ingest.Stations;

namespace Moci.Cli;

/// <summary>Opens the station registry in the hub's database, with errors that name the file and say what to do.</summary>
internal static class HubDatabase
{
    /// <summary>Opens the registry in an existing database.</summary>
    /// <exception cref="CliException">The file does not exist or cannot be used.</exception>
    public static StationStore OpenExisting(string path, CliContext context)
    {
        if (Directory.Exists(path))
        {
            throw new CliException(ExitCodes.CannotUseFiles, $"--db: '{path}' is a folder; give the database file in it, e.g. {Path.Combine(path, "moci.db")}.");
        }

        if (!File.Exists(path))
        {
            throw new CliException(ExitCodes.CannotUseFiles,
                $"--db: the hub database '{path}' does not exist. Point --db (or ${DatabaseOption.Variable}) at the hub's file " +
                $"(its Storage:DatabasePath; the hub started as the README says keeps it in {DatabaseOption.DefaultPath} " +
                "under the repository, so run moci from there), or register the first station with `moci stations add`, which creates it.");
        }

        return Open(path, context);
    }

    /// <summary>Opens the registry, creating the database when it does not exist yet (and saying so on the error stream).</summary>
    /// <exception cref="CliException">The file cannot be created or used.</exception>
    public static StationStore OpenOrCreate(string path, CliContext context)
    {
        if (Directory.Exists(path))
        {
            throw new CliException(ExitCodes.CannotUseFiles, $"--db: '{path}' is a folder; give the database file in it, e.g. {Path.Combine(path, "moci.db")}.");
        }

        var created = !File.Exists(path);
        var store = Open(path, context);
        if (created)
        {
            context.Error.WriteLine($"Created the hub database {path}. If your hub keeps its data elsewhere, point --db at its file instead.");
        }

        return store;
    }

    private static StationStore Open(string path, CliContext context)
    {
        try
        {
            return new StationStore(path, context.Time);
        }
        catch (Exception ex) when (ex is InvalidOperationException or SqliteException or IOException or UnauthorizedAccessException)
        {
            throw new CliException(ExitCodes.CannotUseFiles, $"--db: {ex.Message}", ex);
        }
    }
}
