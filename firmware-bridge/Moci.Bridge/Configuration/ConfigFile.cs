using System.Text.Json;
using Microsoft.Extensions.Configuration;

namespace Moci.Bridge.Configuration;

/// <summary>
/// The station's one configuration file (JSON; comments and trailing commas allowed), read before anything starts:
/// a missing file, broken JSON, a key that is no setting or a value of the wrong kind is reported with the line or
/// the setting, and durations written the short way (<c>10s</c>) are turned into what the options binder reads.
/// </summary>
internal static class ConfigFile
{
    /// <summary>Where the install script puts it.</summary>
    public const string DefaultPath = "/etc/moci-bridge/moci-bridge.json";

    /// <summary>The environment variable read when <c>--config</c> is not given.</summary>
    public const string Variable = "MOCI_BRIDGE_CONFIG";

    /// <summary>Reads and checks the file.</summary>
    /// <param name="path">The file, absolute or relative to the current folder.</param>
    /// <exception cref="ConfigFileException">It cannot be used; the problems say why.</exception>
    public static IConfigurationRoot Load(string path)
    {
        var full = System.IO.Path.GetFullPath(path);
        if (!File.Exists(full))
        {
            throw new ConfigFileException(full, [
                Directory.Exists(full)
                    ? $"{full} is a folder; give the configuration file, e.g. {full.TrimEnd('/')}/bridge.json."
                    : $"{full} does not exist. Start from the template: sudo mkdir -p /etc/moci && sudo cp moci-bridge.example.json {full} " +
                      "(it lies beside the moci-bridge binary and in firmware-bridge/Moci.Bridge/), fill in the station id, secret and broker, then run `moci-bridge check`.",
            ]);
        }

        IConfigurationRoot raw;
        try
        {
            raw = new ConfigurationBuilder().AddJsonFile(full, optional: false, reloadOnChange: false).Build();
        }
        catch (Exception ex) when (ex is InvalidDataException or FormatException)
        {
            throw new ConfigFileException(full, [Explain(ex)]);
        }
        catch (UnauthorizedAccessException)
        {
            throw new ConfigFileException(full, [$"{full} cannot be read by this user; run as root or as the bridge's user (sudo -u moci moci-bridge …)."]);
        }

        var problems = new List<string>();
        var normalised = ConfigurationShape.Check(raw, problems);
        if (problems.Count > 0)
        {
            throw new ConfigFileException(full, problems);
        }

        return new ConfigurationBuilder().AddConfiguration(raw).AddInMemoryCollection(normalised).Build();
    }

    private static string Explain(Exception ex)
    {
        for (var inner = ex; inner is not null; inner = inner.InnerException)
        {
            if (inner is JsonException { LineNumber: { } line } json)
            {
                return $"not valid JSON at line {line + 1}, column {json.BytePositionInLine + 1}: {FirstSentence(json.Message)} " +
                       "(look for a missing comma or quote, or a brace too many, on that line or the one before).";
            }

            if (inner is FormatException { Message: var message } && message.Contains("duplicate key", StringComparison.OrdinalIgnoreCase))
            {
                return $"{message} Each setting may appear once per section.";
            }
        }

        return $"cannot be read as JSON: {ex.Message}";
    }

    private static string FirstSentence(string message)
    {
        var end = message.IndexOf(" Path:", StringComparison.Ordinal);
        return end > 0 ? message[..end] : message;
    }
}
