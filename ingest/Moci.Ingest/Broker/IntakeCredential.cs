using System.Security.Cryptography;
using System.Text;
using Microsoft.Extensions.Options;
using Moci.Ingest.Options;
using Moci.Ingest.Stations;

namespace Moci.Ingest.Broker;

/// <summary>
/// The user name and password the intake connects with. With the embedded broker both are made up at every
/// start and never written anywhere; with an external broker the password is read from
/// <see cref="BrokerOptions.PasswordFile"/>. Thread-safe: immutable.
/// </summary>
public sealed class IntakeCredential
{
    /// <summary>The intake's user name on the embedded broker; no station id can contain '.'.</summary>
    public const string EmbeddedUsername = "moci.ingest";

    private readonly byte[] _passwordBytes;

    public IntakeCredential(IOptions<BrokerOptions> options)
    {
        var broker = options.Value;
        if (broker.Embedded)
        {
            Username = EmbeddedUsername;
            Password = StationSecret.Generate();
        }
        else
        {
            Username = broker.Username;
            Password = broker.PasswordFile is { } file ? ReadPassword(file) : null;
        }

        _passwordBytes = Encoding.UTF8.GetBytes(Password ?? "");
    }

    public string Username { get; }

    /// <summary>The password, or null to connect without credentials.</summary>
    public string? Password { get; }

    /// <summary>True when <paramref name="username"/> and <paramref name="password"/> are the intake's (constant-time).</summary>
    public bool Matches(string? username, byte[]? password) =>
        Password is not null && username == Username && password is not null &&
        CryptographicOperations.FixedTimeEquals(password, _passwordBytes);

    private static string ReadPassword(string file)
    {
        try
        {
            var password = File.ReadAllText(file).Trim();
            return password.Length > 0
                ? password
                : throw new InvalidOperationException($"Broker:PasswordFile '{file}' is empty; run `moci mosquitto export` to write it.");
        }
        catch (IOException ex)
        {
            throw new InvalidOperationException($"Broker:PasswordFile '{file}' cannot be read: {ex.Message}", ex);
        }
        catch (UnauthorizedAccessException ex)
        {
            throw new InvalidOperationException($"Broker:PasswordFile '{file}' cannot be read: {ex.Message}", ex);
        }
    }
}
