using System.Diagnostics.CodeAnalysis;

namespace Moci.Bridge.Configuration;

/// <summary>
/// The files the configuration points at (devices, the secret file, the CA file) as the checks at start see them:
/// the real file system on a station, a made-up one in tests. Thread-safe if the delegates are.
/// </summary>
/// <param name="exists">Whether a file, device or folder exists at a path.</param>
/// <param name="read">Reads a text file; throws as <see cref="File.ReadAllText(string)"/> does.</param>
internal sealed class FileView(Func<string, bool> exists, Func<string, string> read)
{
    /// <summary>The machine's own files.</summary>
    public static FileView Real { get; } = new(path => File.Exists(path) || Directory.Exists(path), File.ReadAllText);

    /// <summary>Whether something exists at <paramref name="path"/>.</summary>
    public bool Exists(string path) => exists(path);

    /// <summary>Reads a text file, or says why it cannot.</summary>
    public bool TryReadText(string path, [NotNullWhen(true)] out string? text, [NotNullWhen(false)] out string? problem)
    {
        text = null;
        try
        {
            text = read(path);
            problem = null;
            return true;
        }
        catch (Exception ex) when (ex is FileNotFoundException or DirectoryNotFoundException)
        {
            problem = $"{path} does not exist";
        }
        catch (UnauthorizedAccessException)
        {
            problem = $"{path} cannot be read by this user (permission denied); let the bridge's user read it, e.g. sudo chown root:moci-bridge {path} && sudo chmod 640 {path}";
        }
        catch (IOException ex)
        {
            problem = $"{path} cannot be read: {ex.Message}";
        }

        return false;
    }
}
