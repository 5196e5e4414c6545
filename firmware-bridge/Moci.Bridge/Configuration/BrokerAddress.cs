using System.Diagnostics.CodeAnalysis;
using System.Globalization;

namespace Moci.Bridge.Configuration;

/// <summary>Where the hub's MQTT broker is: <c>mqtt://host:port</c> (plain, default port 1883) or <c>mqtts://host:port</c> (TLS, default 8883).</summary>
/// <param name="Host">Host name or IP address.</param>
/// <param name="Port">TCP port, 1–65535.</param>
/// <param name="UseTls">True for <c>mqtts://</c>.</param>
internal sealed record BrokerAddress(string Host, int Port, bool UseTls)
{
    /// <summary>The port of <c>mqtt://</c> when none is given (IANA's registration of MQTT).</summary>
    public const int PlainPort = 1883;

    /// <summary>The port of <c>mqtts://</c> when none is given (IANA's registration of MQTT over TLS).</summary>
    public const int TlsPort = 8883;

    /// <summary>What a broker address looks like, for error messages.</summary>
    public const string Expected = "mqtt://HOST:PORT (e.g. mqtt://192.168.1.20:1883) or, with TLS, mqtts://HOST:PORT (e.g. mqtts://hub.example.org:8883)";

    /// <summary>Parses a broker URI.</summary>
    /// <param name="text">The URI as given.</param>
    /// <param name="address">The address, when it parses.</param>
    /// <param name="problem">Why it does not, in words a student can act on.</param>
    public static bool TryParse(string? text, [NotNullWhen(true)] out BrokerAddress? address, [NotNullWhen(false)] out string? problem)
    {
        address = null;
        if (string.IsNullOrWhiteSpace(text))
        {
            problem = $"no broker address; give {Expected}";
            return false;
        }

        text = text.Trim();
        var scheme = text.IndexOf("://", StringComparison.Ordinal);
        if (scheme < 0)
        {
            problem = $"'{text}' has no scheme; write {Expected}";
            return false;
        }

        var useTls = text[..scheme].ToLowerInvariant() switch
        {
            "mqtt" or "tcp" => (bool?)false,
            "mqtts" or "ssl" => true,
            _ => null,
        };
        if (useTls is null)
        {
            problem = $"'{text}' starts with '{text[..scheme]}://'; the bridge speaks MQTT: write {Expected}";
            return false;
        }

        if (!Uri.TryCreate(text, UriKind.Absolute, out var uri) || string.IsNullOrEmpty(uri.DnsSafeHost))
        {
            problem = $"'{text}' is not a broker address (a port above 65535, a space or a stray character?); write {Expected}";
            return false;
        }

        if (uri.UserInfo.Length > 0)
        {
            problem = $"'{text}' holds a user name or password; give the station id as station:id and the secret as station:secret or station:secretFile, and the broker as {Expected}";
            return false;
        }

        if (uri.AbsolutePath != "/" || uri.Query.Length > 0 || uri.Fragment.Length > 0)
        {
            problem = $"'{text}' has a path or query; an MQTT broker is only a host and a port: {Expected}";
            return false;
        }

        var port = uri.Port > 0 ? uri.Port : useTls.Value ? TlsPort : PlainPort;
        if (port is < 1 or > 65535)
        {
            problem = $"'{text}': port {port.ToString(CultureInfo.InvariantCulture)} is not between 1 and 65535";
            return false;
        }

        address = new BrokerAddress(uri.DnsSafeHost, port, useTls.Value);
        problem = null;
        return true;
    }

    /// <summary>The address as a URI, e.g. <c>mqtts://hub.example.org:8883</c>.</summary>
    public override string ToString() =>
        string.Create(CultureInfo.InvariantCulture, $"{(UseTls ? "mqtts" : "mqtt")}://{(Host.Contains(':', StringComparison.Ordinal) ? $"[{Host}]" : Host)}:{Port}");
}
