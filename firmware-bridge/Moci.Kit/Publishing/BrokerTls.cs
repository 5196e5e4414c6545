using System.Security.Cryptography;
using System.Security.Cryptography.X509Certificates;
using Moci.Kit.Options;
using MQTTnet;

namespace Moci.Kit.Publishing;

/// <summary>TLS towards the broker as <see cref="PublisherOptions"/> asks for it, for the publisher and for probes of the same broker (<c>moci-bridge check</c>). Thread-safe: stateless.</summary>
public static class BrokerTls
{
    /// <summary>Adds TLS when <see cref="PublisherOptions.UseTls"/> is set: the broker's certificate must be valid for its host name and signed by <see cref="PublisherOptions.CaFile"/>, or by an authority the system trusts when none is given.</summary>
    /// <exception cref="CryptographicException">The CA file holds no PEM certificate.</exception>
    public static MqttClientOptionsBuilder WithBrokerTls(this MqttClientOptionsBuilder builder, PublisherOptions options)
    {
        if (!options.UseTls)
        {
            return builder;
        }

        return builder.WithTlsOptions(tls =>
        {
            tls.UseTls().WithTargetHost(options.Host);
            if (options.CaFile is { Length: > 0 } caFile)
            {
                var authorities = new X509Certificate2Collection();
                authorities.ImportFromPemFile(caFile);
                if (authorities.Count == 0)
                {
                    throw new CryptographicException($"{caFile} holds no PEM certificate");
                }

                tls.WithTrustChain(authorities);
            }
        });
    }
}
