namespace Moci.Bridge.Configuration;

/// <summary>The configuration file cannot be used: missing, unreadable, not JSON, or settings that are wrong.</summary>
/// <param name="path">The file.</param>
/// <param name="problems">Each problem, naming its setting and how to fix it.</param>
internal sealed class ConfigFileException(string path, IReadOnlyList<string> problems)
    : Exception($"{path}: {string.Join(" ", problems)}")
{
    /// <summary>The file.</summary>
    public string Path { get; } = path;

    /// <summary>Each problem, naming its setting and how to fix it.</summary>
    public IReadOnlyList<string> Problems { get; } = problems;
}
