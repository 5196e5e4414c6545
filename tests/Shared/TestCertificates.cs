using System.Net;
using System.Security.Cryptography;
using System.Security.Cryptography.X509Certificates;

namespace Moci.Tests.Shared;

/// <summary>A throw-away certificate authority and a server certificate it signed, for TLS tests, as PEM files.</summary>
/// <param name="CaPath">The CA certificate (what a client trusts, e.g. <c>mosquitto_pub --cafile</c>).</param>
/// <param name="CertificatePath">The server certificate, for localhost and 127.0.0.1.</param>
/// <param name="KeyPath">The server's private key.</param>
public sealed record TestCertificates(string CaPath, string CertificatePath, string KeyPath)
{
    /// <summary>Writes a new CA and server certificate into <paramref name="folder"/>.</summary>
    public static TestCertificates Create(string folder)
    {
        var now = DateTimeOffset.UtcNow;
        using var caKey = RSA.Create(2048);
        var caRequest = new CertificateRequest("CN=MOCI test CA", caKey, HashAlgorithmName.SHA256, RSASignaturePadding.Pkcs1);
        caRequest.CertificateExtensions.Add(new X509BasicConstraintsExtension(true, false, 0, true));
        caRequest.CertificateExtensions.Add(new X509KeyUsageExtension(X509KeyUsageFlags.KeyCertSign | X509KeyUsageFlags.CrlSign, true));
        caRequest.CertificateExtensions.Add(new X509SubjectKeyIdentifierExtension(caRequest.PublicKey, false));
        using var ca = caRequest.CreateSelfSigned(now.AddMinutes(-5), now.AddDays(1));

        using var serverKey = RSA.Create(2048);
        var serverRequest = new CertificateRequest("CN=localhost", serverKey, HashAlgorithmName.SHA256, RSASignaturePadding.Pkcs1);
        var names = new SubjectAlternativeNameBuilder();
        names.AddDnsName("localhost");
        names.AddIpAddress(IPAddress.Loopback);
        serverRequest.CertificateExtensions.Add(names.Build());
        serverRequest.CertificateExtensions.Add(new X509BasicConstraintsExtension(false, false, 0, false));
        serverRequest.CertificateExtensions.Add(new X509KeyUsageExtension(X509KeyUsageFlags.DigitalSignature | X509KeyUsageFlags.KeyEncipherment, true));
        serverRequest.CertificateExtensions.Add(new X509EnhancedKeyUsageExtension([new Oid("1.3.6.1.5.5.7.3.1")], false));
        serverRequest.CertificateExtensions.Add(X509AuthorityKeyIdentifierExtension.CreateFromCertificate(ca, true, false));
        using var server = serverRequest.Create(ca, now.AddMinutes(-5), now.AddDays(1), RandomNumberGenerator.GetBytes(16));

        var certificates = new TestCertificates(Path.Combine(folder, "ca.pem"), Path.Combine(folder, "server.pem"), Path.Combine(folder, "server.key"));
        File.WriteAllText(certificates.CaPath, ca.ExportCertificatePem());
        File.WriteAllText(certificates.CertificatePath, server.ExportCertificatePem());
        File.WriteAllText(certificates.KeyPath, serverKey.ExportPkcs8PrivateKeyPem());
        return certificates;
    }
}
