using Moci.Cli.Mosquitto;

namespace Moci.Cli.Tests.Mosquitto;

public sealed class IntakeUsersTests
{
    [Test]
    public void For_OneIngest_IsTheSingleIntakeUser()
    {
        Assert.That(IntakeUsers.For(1), Is.EqualTo(new[] { "moci.ingest" }));
    }

    [Test]
    public void For_ThreeIngests_GivesEachItsOwnUserBesideTheSingleOne()
    {
        Assert.That(IntakeUsers.For(3), Is.EqualTo(new[] { "moci.ingest", "moci.ingest.1", "moci.ingest.2", "moci.ingest.3" }));
    }
}
