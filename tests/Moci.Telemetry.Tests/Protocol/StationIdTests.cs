using Moci.Telemetry.Protocol;

namespace Moci.Telemetry.Tests.Protocol;

public sealed class StationIdTests
{
    [TestCase("rrg-school-01")]
    [TestCase("a")]
    [TestCase("42")]
    public void IsValid_WellFormedId_IsTrue(string id)
    {
        Assert.That(StationId.IsValid(id), Is.True);
    }

    [TestCase(null, "must not be empty")]
    [TestCase("", "must not be empty")]
    [TestCase("Rrg", "contains 'R'")]
    [TestCase("rrg_01", "contains '_'")]
    [TestCase("rrg/01", "contains '/'")]
    [TestCase("-rrg", "must not start or end")]
    [TestCase("rrg-", "must not start or end")]
    public void Explain_MalformedId_SaysWhy(string? id, string reason)
    {
        Assert.That(StationId.Explain(id), Does.Contain(reason));
    }

    [Test]
    public void Explain_TooLongId_SaysWhy()
    {
        Assert.That(StationId.Explain(new string('a', StationId.MaxLength + 1)), Does.Contain("longer than"));
    }
}
