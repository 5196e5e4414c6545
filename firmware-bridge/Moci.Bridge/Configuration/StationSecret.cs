using System.Diagnostics.CodeAnalysis;

namespace Moci.Bridge.Configuration;

/// <summary>The station's secret, from <c>station:secret</c> or the file <c>station:secretFile</c> names.</summary>
internal static class StationSecret
{
    /// <summary>Reads the secret, without surrounding white space (a file usually ends with a line break).</summary>
    /// <returns>False, with the reason, when it is missing, empty or its file cannot be read.</returns>
    public static bool TryRead(StationOptions options, FileView files, [NotNullWhen(true)] out string? secret, [NotNullWhen(false)] out string? problem)
    {
        secret = null;
        if (!string.IsNullOrWhiteSpace(options.Secret))
        {
            secret = options.Secret.Trim();
            problem = null;
            return true;
        }

        if (string.IsNullOrWhiteSpace(options.SecretFile))
        {
            problem = "no secret given";
            return false;
        }

        if (!files.TryReadText(options.SecretFile, out var text, out problem))
        {
            return false;
        }

        if (string.IsNullOrWhiteSpace(text))
        {
            problem = $"{options.SecretFile} is empty; write the station's secret into it";
            return false;
        }

        secret = text.Trim();
        return true;
    }
}
