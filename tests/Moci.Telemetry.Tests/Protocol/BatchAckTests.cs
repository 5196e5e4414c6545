using System.Buffers;
using System.Text;
using Moci.Telemetry.Protocol;

namespace Moci.Telemetry.Tests.Protocol;

public sealed class BatchAckTests
{
    private static bool Parse(string json, out BatchAck ack) =>
        BatchAck.TryParse(new ReadOnlySequence<byte>(Encoding.UTF8.GetBytes(json)), out ack);

    [Test]
    public void ToJson_OneBatch_IsANumber()
    {
        Assert.That(Encoding.UTF8.GetString(new BatchAck(42).ToJson()), Is.EqualTo("""{"seq":42}"""));
    }

    [Test]
    public void ToJson_SeveralBatches_IsAnArray()
    {
        Assert.That(Encoding.UTF8.GetString(new BatchAck([3, 7, 9_000_000_000]).ToJson()), Is.EqualTo("""{"seq":[3,7,9000000000]}"""));
    }

    [Test]
    public void TryParse_OwnJson_RoundTrips()
    {
        var one = BatchAck.TryParse(new ReadOnlySequence<byte>(new BatchAck(9_000_000_000).ToJson()), out var single);
        var many = BatchAck.TryParse(new ReadOnlySequence<byte>(new BatchAck([5, 1, 2]).ToJson()), out var several);

        Assert.That(one && many, Is.True);
        Assert.That(single.Sequences, Is.EqualTo(new[] { 9_000_000_000L }));
        Assert.That(several.Sequences, Is.EqualTo(new long[] { 5, 1, 2 }));
    }

    [TestCase("""{"seq":-1}""")]
    [TestCase("""{"seq":"1"}""")]
    [TestCase("""{"seq":[]}""")]
    [TestCase("""{"seq":[1,-2]}""")]
    [TestCase("""{"seq":[1,"2"]}""")]
    [TestCase("""{"seq":[1.5]}""")]
    [TestCase("""{"n":1}""")]
    [TestCase("""[1]""")]
    [TestCase("""{""")]
    public void TryParse_Malformed_ReturnsFalse(string json)
    {
        Assert.That(Parse(json, out _), Is.False);
    }
}
