using System.Security.Cryptography;
using System.Security.Cryptography.X509Certificates;
using Microsoft.Extensions.Options;

namespace Moci.Bridge.Configuration;

/// <summary>Start-up checks of <see cref="BrokerOptions"/>: a broker URI, and a CA file that holds a certificate when TLS needs one.</summary>
internal sealed class BrokerOptionsValidator(FileView files) : IValidateOptions<BrokerOptions>
{
    public ValidateOptionsResult Validate(string? name, BrokerOptions options)
    {
        var failures = new List<string>();
        if (!BrokerAddress.TryParse(options.Uri, out var address, out var problem))
        {
            failures.Add($"broker:uri: {problem}.");
        }

        if (!string.IsNullOrWhiteSpace(options.CaFile))
        {
            if (address is { UseTls: false })
            {
                failures.Add($"broker:caFile is set but broker:uri ({address}) is plain MQTT; for TLS write mqtts://{address.Host}:{BrokerAddress.TlsPort}, or remove caFile.");
            }
            else if (!files.TryReadText(options.CaFile, out var pem, out var unreadable))
            {
                failures.Add($"broker:caFile: {unreadable}; copy the certificate of the CA that signed the hub's certificate there (a PEM file, -----BEGIN CERTIFICATE-----).");
            }
            else if (!HoldsCertificate(pem))
            {
                failures.Add($"broker:caFile: {options.CaFile} holds no PEM certificate; it must be the CA's certificate (-----BEGIN CERTIFICATE-----), not a key.");
            }
        }

        if (options.AckTimeout < TimeSpan.FromSeconds(1))
        {
            failures.Add($"broker:ackTimeout must be at least 1s (was {Duration.Format(options.AckTimeout)}).");
        }

        if (options.MaxReconnectDelay < TimeSpan.FromSeconds(1))
        {
            failures.Add($"broker:maxReconnectDelay must be at least 1s (was {Duration.Format(options.MaxReconnectDelay)}).");
        }

        return failures.Count == 0 ? ValidateOptionsResult.Success : ValidateOptionsResult.Fail(failures);
    }

    private static bool HoldsCertificate(string pem)
    {
        try
        {
            var certificates = new X509Certificate2Collection();
            certificates.ImportFromPem(pem);
            return certificates.Count > 0;
        }
        catch (CryptographicException)
        {
            return false;
        }
    }
}
