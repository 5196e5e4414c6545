using System.Net;

namespace Moci.Ingest.Tests.Support;

/// <summary>A request body that does not announce its length (sent chunked), as a sender may do.</summary>
internal sealed class UnsizedContent(byte[] bytes) : HttpContent
{
    protected override Task SerializeToStreamAsync(Stream stream, TransportContext? context) => stream.WriteAsync(bytes).AsTask();

    protected override bool TryComputeLength(out long length)
    {
        length = 0;
        return false;
    }
}
