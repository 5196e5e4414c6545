using System.Buffers;
using System.Text;
using Moci.Telemetry.Protocol;

namespace Moci.Telemetry.Tests.Protocol;

public sealed class BatchAckTests
{
    [Test]
    public void ToJson_IsSeqObject()
    {
        Assert.That(Encoding.UTF8.GetString(new BatchAck(42).ToJson()), Is.EqualTo("""{"seq":42}"""));
    }

    [Test]
    public void TryParse_OwnJson_RoundTrips()
    {
        var ok = BatchAck.TryParse(new ReadOnlySequence<byte>(new BatchAck(9_000_000_000).ToJson()), out var ack);

        Assert.That(ok, Is.True);
        Assert.That(ack.Sequence, Is.EqualTo(9_000_000_000));
    }

    [TestCase("""{"seq":-1}""")]
    [TestCase("""{"seq":"1"}""")]
    [TestCase("""{"n":1}""")]
    [TestCase("""[1]""")]
    [TestCase("""{""")]
    public void TryParse_Malformed_ReturnsFalse(string json)
    {
        Assert.That(BatchAck.TryParse(new ReadOnlySequence<byte>(Encoding.UTF8.GetBytes(json)), out _), Is.False);
    }
}
