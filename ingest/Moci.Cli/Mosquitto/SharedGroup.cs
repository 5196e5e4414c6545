using System.Security.Cryptography;
using System.Text;

namespace Moci.Cli.Mosquitto;

/// <summary>
/// The name of the ingests' shared subscription group (<c>$share/{group}/moci/v1/+/senml</c>, MQTT 5.0 section 4.8.2),
/// derived from the intake's password so that only who can read <c>ingest.secret</c> knows it.
/// </summary>
/// <remarks>
/// It has to be secret. Mosquitto 2.0's acl_file does not check subscriptions at all (any client may subscribe to any
/// filter; read rights are checked only when a message is delivered), and it hands the messages of a shared group to
/// its members in turn without skipping a member that may not read them. A station that joined the ingests' group
/// would so take every few messages out of the stream: Mosquitto acknowledges them to their sender, refuses them to
/// the station and gives them to no ingest (measured with Mosquitto 2.0.11: a station in a group with one ingest took
/// 2 of 4 messages). With a name nobody can guess, no station can join.
/// </remarks>
internal static class SharedGroup
{
    private static readonly byte[] Purpose = Encoding.ASCII.GetBytes("moci shared subscription group v1");

    /// <summary><c>moci-</c> and 32 hex digits (128 bits) of HMAC-SHA256 over a fixed text, keyed with <paramref name="intakePassword"/>.</summary>
    public static string Name(string intakePassword)
    {
        var mac = HMACSHA256.HashData(Encoding.UTF8.GetBytes(intakePassword), Purpose);
        return "moci-" + Convert.ToHexStringLower(mac.AsSpan(0, 16));
    }
}
