using System.Globalization;
using System.Text;

namespace Moci.Cli.Mosquitto;

/// <summary>
/// The settings every ingest of a shared subscription has in common, as <c>KEY=value</c> lines that systemd's
/// <c>EnvironmentFile=</c> and a shell (<c>set -a; . ingest.env</c>) both read. Each ingest adds its own
/// <c>Broker__Username</c> and <c>Broker__ClientId</c>. Written owner-only: it names the secret group.
/// </summary>
internal static class IngestEnvironment
{
    /// <param name="header">Comment lines (each starting with '#') to put first.</param>
    /// <param name="port">Mosquitto's MQTT port.</param>
    /// <param name="passwordFile">The absolute path of <c>ingest.secret</c>.</param>
    /// <param name="databasePath">The hub's database, absolute.</param>
    /// <param name="group">The shared subscription group, see <see cref="SharedGroup"/>.</param>
    public static string Render(string header, int port, string passwordFile, string databasePath, string group)
    {
        var text = new StringBuilder(header);
        text.Append("# Each ingest also sets Broker__Username=moci.ingest.N and Broker__ClientId=moci-ingest-N, N from 1.\n");
        text.Append("Broker__Embedded=false\n");
        text.Append("Broker__Host=localhost\n");
        text.Append(CultureInfo.InvariantCulture, $"Broker__Port={port}\n");
        text.Append(CultureInfo.InvariantCulture, $"Broker__PasswordFile={passwordFile}\n");
        text.Append(CultureInfo.InvariantCulture, $"Broker__SharedSubscriptionGroup={group}\n");
        text.Append(CultureInfo.InvariantCulture, $"Storage__DatabasePath={databasePath}\n");
        return text.ToString();
    }
}
