using Moci.Telemetry.Protocol;

namespace Moci.Telemetry.Tests.Protocol;

public sealed class RejectionKindNamesTests
{
    [Test]
    public void Of_EveryKind_HasItsOwnSnakeCaseName()
    {
        var names = RejectionKindNames.All.Select(RejectionKindNames.Of).ToList();

        Assert.That(names, Is.Unique);
        Assert.That(names, Has.All.Matches("^[a-z0-9_]+$"));
        Assert.That(RejectionKindNames.All, Has.Count.EqualTo(Enum.GetValues<RejectionKind>().Length));
    }

    [TestCase(RejectionKind.TooOld, "too_old")]
    [TestCase(RejectionKind.Before2000, "before_2000")]
    [TestCase(RejectionKind.NonFinite, "non_finite")]
    [TestCase(RejectionKind.InternalError, "internal_error")]
    public void Of_Kind_GivesTheHealthReportName(RejectionKind kind, string name)
    {
        Assert.That(RejectionKindNames.Of(kind), Is.EqualTo(name));
    }
}
