using System.Buffers.Text;
using System.Globalization;
using System.Security.Cryptography;
using System.Text;

namespace Moci.Ingest.Stations;

/// <summary>
/// Station secrets: 192 random bits, shown once, stored only as a salted PBKDF2-HMAC-SHA512 hash in the
/// format Mosquitto's password file uses (<c>$7$iterations$salt$hash</c>, base64), so the same hash serves the
/// embedded broker and an external Mosquitto. Verification compares in constant time. Thread-safe: stateless.
/// </summary>
public static class StationSecret
{
    /// <summary>
    /// PBKDF2 iterations of new hashes. A secret is 192 random bits, so the work factor guards a leaked
    /// database only against precomputation; 20,000 keeps a connect under a few milliseconds on a Raspberry Pi
    /// (Mosquitto verifies on every connect) while being 200 times Mosquitto's own default of 101.
    /// </summary>
    public const int DefaultIterations = 20_000;

    private const string Prefix = "$7$";
    private const int SaltBytes = 12;
    private const int HashBytes = 64;
    private const int SecretBytes = 24;

    /// <summary>A new secret: 24 random bytes as 32 base64url characters (no ':' or whitespace, safe in password files).</summary>
    public static string Generate() => Base64Url.EncodeToString(RandomNumberGenerator.GetBytes(SecretBytes));

    /// <summary>Hashes <paramref name="secret"/> with a fresh random salt.</summary>
    public static string Hash(string secret, int iterations = DefaultIterations)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(iterations, 1);
        var salt = RandomNumberGenerator.GetBytes(SaltBytes);
        var hash = Derive(secret, salt, iterations);
        return string.Create(CultureInfo.InvariantCulture, $"{Prefix}{iterations}${Convert.ToBase64String(salt)}${Convert.ToBase64String(hash)}");
    }

    /// <summary>True when <paramref name="secret"/> matches <paramref name="storedHash"/>; false for a malformed hash.</summary>
    public static bool Verify(string secret, string storedHash)
    {
        var parts = storedHash.Split('$');
        if (parts.Length != 5 || parts[0].Length != 0 || parts[1] != "7" ||
            !int.TryParse(parts[2], NumberStyles.None, CultureInfo.InvariantCulture, out var iterations) || iterations < 1 ||
            !TryFromBase64(parts[3], out var salt) || !TryFromBase64(parts[4], out var expected) || expected.Length == 0)
        {
            return false;
        }

        var actual = Derive(secret, salt, iterations, expected.Length);
        return CryptographicOperations.FixedTimeEquals(actual, expected);
    }

    private static byte[] Derive(string secret, byte[] salt, int iterations, int length = HashBytes) =>
        Rfc2898DeriveBytes.Pbkdf2(Encoding.UTF8.GetBytes(secret), salt, iterations, HashAlgorithmName.SHA512, length);

    private static bool TryFromBase64(string text, out byte[] bytes)
    {
        bytes = new byte[text.Length];
        if (Convert.TryFromBase64String(text, bytes, out var written))
        {
            bytes = bytes[..written];
            return true;
        }

        return false;
    }
}
