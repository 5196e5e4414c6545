using System.Text;
using Moci.Ingest.Stations;

namespace Moci.Cli.Mosquitto;

/// <summary>
/// Mosquitto's password_file: one <c>user:hash</c> line per active station and one per intake user. The registry
/// stores secrets as PBKDF2-HMAC-SHA512 in Mosquitto's own <c>$7$iterations$salt$hash</c> format
/// (<see cref="StationSecret"/>), so the hashes are copied as they are and no secret is needed.
/// </summary>
internal static class PasswordFile
{
    /// <param name="header">Comment lines (each starting with '#') to put first.</param>
    /// <param name="stations">The registry; only active stations with a secret are written.</param>
    /// <param name="intakeUsers">The intake's user names (<see cref="IntakeUsers"/>), all with the same password.</param>
    /// <param name="intakePassword">The intake's password; hashed here with a fresh salt for each user.</param>
    public static string Render(string header, IEnumerable<RegisteredStation> stations, IEnumerable<string> intakeUsers, string intakePassword)
    {
        var text = new StringBuilder(header);
        foreach (var intakeUser in intakeUsers)
        {
            text.Append(intakeUser).Append(':').Append(StationSecret.Hash(intakePassword)).Append('\n');
        }

        foreach (var station in Admitted(stations))
        {
            text.Append(station.Station.Id).Append(':').Append(station.SecretHash).Append('\n');
        }

        return text.ToString();
    }

    /// <summary>The stations that may log in: active, with a secret.</summary>
    public static IEnumerable<RegisteredStation> Admitted(IEnumerable<RegisteredStation> stations) =>
        stations.Where(s => s.Station.State == StationState.Active && s.SecretHash is not null);
}
