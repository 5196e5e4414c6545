using Microsoft.Data.Sqlite;
using Moci.Ingest.Health;
using Moci.Ingest.Options;
using Moci.Ingest.Storage;

namespace Moci.Cli.Commands.DeadLetters;

/// <summary>Opens the dead letters and the readings in the hub's database, with errors that name the file.</summary>
internal static class DeadLetterFiles
{
    /// <summary>
    /// The command line does not know the hub's <c>DeadLetters</c> settings. With the largest limits it neither
    /// cuts nor drops anything the hub keeps when it opens the table (the hub applies its own limits at its
    /// next start and write); the few dead letters a replay adds are records of one it removes.
    /// </summary>
    private static readonly DeadLetterOptions NoLimits = new()
    {
        MaxPayloadBytes = DeadLetterOptions.PayloadBytesLimit,
        MaxTotalBytes = long.MaxValue,
    };

    /// <summary>The dead-letter table of the database at <paramref name="path"/>, which must exist (see <see cref="HubDatabase.OpenExisting"/>).</summary>
    /// <exception cref="CliException">The table cannot be opened.</exception>
    public static DeadLetterStore OpenLetters(string path) => Open(() => new DeadLetterStore(path, NoLimits));

    /// <summary>The readings of the database at <paramref name="path"/>: the store the hub writes, with its idempotent insert.</summary>
    /// <exception cref="CliException">The readings cannot be opened.</exception>
    public static SqliteReadingStore OpenReadings(string path, TimeProvider time) => Open(() => new SqliteReadingStore(path, time));

    /// <summary>The stations' newest health reports in the database at <paramref name="path"/>, which the hub's intake keeps.</summary>
    /// <exception cref="CliException">The table cannot be opened.</exception>
    public static StationHealthStore OpenHealth(string path) => Open(() => new StationHealthStore(path));

    /// <summary>An error of the database while a command works on it, as the message the user sees.</summary>
    public static CliException Failed(string path, Exception ex, string whatNow) =>
        new(ExitCodes.CannotUseFiles, $"--db: the hub database '{path}' failed: {ex.Message}. {whatNow}", ex);

    /// <summary>Whether <paramref name="ex"/> is the database failing (locked too long, disk full, gone) rather than a defect of the command.</summary>
    public static bool IsDatabaseFailure(Exception ex) => ex is SqliteException or IOException or UnauthorizedAccessException;

    private static T Open<T>(Func<T> open)
    {
        try
        {
            return open();
        }
        catch (Exception ex) when (ex is InvalidOperationException || IsDatabaseFailure(ex))
        {
            // The stores say what is wrong with the file (a newer schema, say) in an InvalidOperationException.
            throw new CliException(ExitCodes.CannotUseFiles, $"--db: {ex.Message}", ex);
        }
    }
}
