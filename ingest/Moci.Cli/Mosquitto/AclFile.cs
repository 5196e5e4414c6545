using System.Text;
using Moci.Telemetry.Protocol;

namespace Moci.Cli.Mosquitto;

/// <summary>
/// Mosquitto's acl_file, the same rules as the embedded broker's (wire protocol v1): the intake reads every
/// station's <c>senml</c>, <c>status</c> and <c>health</c> and writes acknowledgements; a station writes only its
/// own <c>senml</c>, <c>status</c> and <c>health</c> and reads only its own <c>ack</c>. With an acl_file Mosquitto
/// denies every topic that no line grants.
/// </summary>
internal static class AclFile
{
    /// <param name="header">Comment lines (each starting with '#') to put first.</param>
    /// <param name="intakeUsers">The intake's user names (<see cref="IntakeUsers"/>), each given the intake's rules.</param>
    /// <param name="revokedStations">Stations denied everything, should a connection made before the revocation outlive Mosquitto's reload.</param>
    public static string Render(string header, IEnumerable<string> intakeUsers, IEnumerable<string> revokedStations)
    {
        var text = new StringBuilder(header);
        text.Append("# Anything not granted below is denied: with an acl_file Mosquitto refuses every topic no line grants.\n");
        text.Append('\n');
        text.Append("# The hub's intake: every station's readings, status and health in; acknowledgements out. A shared\n");
        text.Append("# subscription ($share/GROUP/moci/v1/+/senml) needs no rule of its own: Mosquitto 2.0 checks the read\n");
        text.Append("# rights of each message as it delivers it to a member, against the message's topic.\n");
        foreach (var intakeUser in intakeUsers)
        {
            text.Append("user ").Append(intakeUser).Append('\n');
            text.Append("topic read ").Append(WireTopics.AllReadings).Append('\n');
            text.Append("topic read ").Append(WireTopics.AllStatus).Append('\n');
            text.Append("topic read ").Append(WireTopics.AllHealth).Append('\n');
            text.Append("topic write ").Append(WireTopics.Prefix).Append("+/ack\n");
        }

        var revoked = revokedStations.ToList();
        if (revoked.Count > 0)
        {
            text.Append('\n');
            text.Append("# Revoked stations: refused at login (they are not in the password file; Mosquitto 2.0 also closes their\n");
            text.Append("# connections when it reloads), and denied every topic should a connection outlive the reload.\n");
            foreach (var id in revoked)
            {
                text.Append("user ").Append(id).Append('\n');
                text.Append("topic deny #\n");
            }
        }

        text.Append('\n');
        text.Append("# Every station, by its user name (%u), which is its station id: its own topics only.\n");
        text.Append("pattern write ").Append(WireTopics.Prefix).Append("%u/senml\n");
        text.Append("pattern write ").Append(WireTopics.Prefix).Append("%u/status\n");
        text.Append("pattern write ").Append(WireTopics.Prefix).Append("%u/health\n");
        text.Append("pattern read ").Append(WireTopics.Prefix).Append("%u/ack\n");
        return text.ToString();
    }
}
