using Moci.Ingest.Stations;

namespace Moci.Cli.Mosquitto;

/// <summary>
/// The intake's password at Mosquitto, in a file only its owner can read (the ingest reads it through
/// <c>Broker:PasswordFile</c>). An export keeps the password already there, so exporting again while the ingest
/// runs does not lock it out.
/// </summary>
internal static class IntakeSecret
{
    /// <summary>Reads the password in <paramref name="path"/>, or writes a new one (mode 0600) when there is none.</summary>
    /// <returns>The password, and whether it was made now.</returns>
    public static (string Password, bool Created) LoadOrCreate(string path)
    {
        if (File.Exists(path) && File.ReadAllText(path).Trim() is { Length: > 0 } existing)
        {
            if (existing.Any(char.IsWhiteSpace) || existing.Contains(':', StringComparison.Ordinal))
            {
                throw new CliException(ExitCodes.CannotUseFiles,
                    $"--dir: {path} does not hold a usable password (it contains whitespace or ':'); delete it and export again to make a new one.");
            }

            return (existing, false);
        }

        var password = StationSecret.Generate();
        ExportedFile.Write(path, password + "\n", ExportedFile.Private);
        return (password, true);
    }
}
