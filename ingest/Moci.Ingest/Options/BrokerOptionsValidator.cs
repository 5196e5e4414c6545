using Microsoft.Extensions.Options;

namespace Moci.Ingest.Options;

/// <summary>Start-up checks of <see cref="BrokerOptions"/>: each failure names the setting and says why.</summary>
internal sealed class BrokerOptionsValidator : IValidateOptions<BrokerOptions>
{
    public ValidateOptionsResult Validate(string? name, BrokerOptions options)
    {
        var failures = new List<string>();
        if (options.Port is < 1 or > 65535)
        {
            failures.Add($"Broker:Port must be between 1 and 65535 (was {options.Port}).");
        }

        if (string.IsNullOrWhiteSpace(options.Host))
        {
            failures.Add("Broker:Host must name the MQTT broker's host (e.g. localhost).");
        }

        if (string.IsNullOrWhiteSpace(options.ClientId))
        {
            failures.Add("Broker:ClientId must not be empty.");
        }

        if (options.MaxPendingMessagesPerClient < 1)
        {
            failures.Add($"Broker:MaxPendingMessagesPerClient must be at least 1 (was {options.MaxPendingMessagesPerClient}).");
        }

        if (options.SharedSubscriptionGroup is { } group && (group.Length == 0 || group.IndexOfAny(['/', '+', '#']) >= 0))
        {
            failures.Add($"Broker:SharedSubscriptionGroup '{group}' must be a non-empty name without '/', '+' or '#'.");
        }

        if (options.MaxReconnectDelay <= TimeSpan.Zero)
        {
            failures.Add($"Broker:MaxReconnectDelay must be positive (was {options.MaxReconnectDelay}).");
        }

        if (options.MaxPacketBytes is < 1024 or > 268_435_455)
        {
            failures.Add($"Broker:MaxPacketBytes must be between 1024 and 268435455, the MQTT maximum (was {options.MaxPacketBytes}).");
        }

        if (options.MaxConnections < 1)
        {
            failures.Add($"Broker:MaxConnections must be at least 1 (was {options.MaxConnections}).");
        }

        if (options.MaxPendingConnectionsPerAddress < 1)
        {
            failures.Add($"Broker:MaxPendingConnectionsPerAddress must be at least 1 (was {options.MaxPendingConnectionsPerAddress}).");
        }

        if (options.ConnectTimeout < TimeSpan.FromSeconds(1) || options.ConnectTimeout > TimeSpan.FromMinutes(5))
        {
            failures.Add($"Broker:ConnectTimeout must be between 00:00:01 and 00:05:00 (was {options.ConnectTimeout}).");
        }

        if (options.MaxKeepAlive < TimeSpan.FromSeconds(5) || options.MaxKeepAlive > TimeSpan.FromSeconds(65535))
        {
            failures.Add($"Broker:MaxKeepAlive must be between 00:00:05 and 18:12:15 (was {options.MaxKeepAlive}).");
        }

        if (options.StationMessagesPerSecond < 1)
        {
            failures.Add($"Broker:StationMessagesPerSecond must be at least 1 (was {options.StationMessagesPerSecond}).");
        }

        if (options.StationMessageBurst < 1)
        {
            failures.Add($"Broker:StationMessageBurst must be at least 1 (was {options.StationMessageBurst}).");
        }

        if (options.TlsPort is < 1 or > 65535)
        {
            failures.Add($"Broker:TlsPort must be between 1 and 65535 (was {options.TlsPort}).");
        }
        else if (options.TlsCertificatePath is not null && options.TlsPort == options.Port)
        {
            failures.Add($"Broker:TlsPort must differ from Broker:Port (both {options.Port}).");
        }

        if (options.TlsCertificatePath is { } certificate && !File.Exists(certificate))
        {
            failures.Add($"Broker:TlsCertificatePath '{certificate}' does not exist.");
        }

        if (options.TlsKeyPath is { } key && (options.TlsCertificatePath is null || !File.Exists(key)))
        {
            failures.Add(options.TlsCertificatePath is null
                ? "Broker:TlsKeyPath is set but Broker:TlsCertificatePath is not; give both, or neither for no TLS."
                : $"Broker:TlsKeyPath '{key}' does not exist.");
        }

        if (!options.Embedded && options.PasswordFile is { } passwordFile && !File.Exists(passwordFile))
        {
            failures.Add($"Broker:PasswordFile '{passwordFile}' does not exist; `moci mosquitto export` writes it.");
        }

        return failures.Count == 0 ? ValidateOptionsResult.Success : ValidateOptionsResult.Fail(failures);
    }
}
