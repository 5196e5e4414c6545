using Moci.Ingest.Options;

namespace Moci.Cli.Mosquitto;

/// <summary>
/// The user names the intake logs in with at Mosquitto. The exported configuration replaces every client id by the
/// user name (<c>use_username_as_clientid</c>), so two ingests logging in as the same user would take over each
/// other's connection: each ingest of a shared subscription needs a user of its own. They all share the intake's
/// password and rules.
/// </summary>
internal static class IntakeUsers
{
    /// <summary>The most ingests one export provides for.</summary>
    public const int MaxIngests = 64;

    /// <summary>The single ingest's user name: the default of the ingest's <c>Broker:Username</c>.</summary>
    public static string Single { get; } = new BrokerOptions().Username;

    /// <summary>The user name of ingest <paramref name="member"/> (1-based) of a shared subscription: <c>moci.ingest.{member}</c>.</summary>
    public static string Member(int member) => $"{Single}.{member}";

    /// <summary>
    /// <see cref="Single"/>, and for <paramref name="ingests"/> of 2 or more also <c>moci.ingest.1</c> … <c>moci.ingest.{ingests}</c>.
    /// No station id contains '.', so none of them can be a station's.
    /// </summary>
    public static IReadOnlyList<string> For(int ingests) =>
        ingests < 2 ? [Single] : [Single, .. Enumerable.Range(1, ingests).Select(Member)];
}
