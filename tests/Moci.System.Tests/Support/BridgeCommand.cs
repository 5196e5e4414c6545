namespace Moci.SystemTests.Support;

/// <summary>The station bridge as the solution build leaves it, run as <c>dotnet path/to/moci-bridge.dll …</c>.</summary>
public static class BridgeCommand
{
    /// <summary>The built <c>moci-bridge.dll</c>.</summary>
    public static string Dll { get; } = Path.Combine(RepositoryRoot.Path, "firmware-bridge", "Moci.Bridge", "bin", "Debug", "net10.0", "moci-bridge.dll");

    /// <summary>Starts <c>moci-bridge <paramref name="arguments"/></c>; it runs until disposed.</summary>
    public static ChildProcess Start(params string[] arguments) =>
        new("dotnet", [Dll, .. arguments], Path.GetDirectoryName(Dll)!, new Dictionary<string, string>());
}
