using System.Buffers.Text;
using Moci.Ingest.Stations;

namespace Moci.Ingest.Tests.Stations;

public sealed class StationSecretTests
{
    [Test]
    public void Generate_Gives192RandomBitsAsBase64Url()
    {
        var first = StationSecret.Generate();
        var second = StationSecret.Generate();

        Assert.That(Base64Url.DecodeFromChars(first), Has.Length.EqualTo(24));
        Assert.That(first, Does.Match("^[A-Za-z0-9_-]{32}$"));
        Assert.That(second, Is.Not.EqualTo(first));
    }

    [Test]
    public void Hash_VerifiesTheSameSecretOnly()
    {
        var secret = StationSecret.Generate();
        var hash = StationSecret.Hash(secret);

        Assert.That(StationSecret.Verify(secret, hash), Is.True);
        Assert.That(StationSecret.Verify(secret + "x", hash), Is.False);
        Assert.That(StationSecret.Verify(StationSecret.Generate(), hash), Is.False);
    }

    [Test]
    public void Hash_IsSaltedAndInMosquittoPasswordFileFormat()
    {
        var first = StationSecret.Hash("same secret");
        var second = StationSecret.Hash("same secret");

        Assert.That(first, Does.Match(@"^\$7\$20000\$[A-Za-z0-9+/]{16}\$[A-Za-z0-9+/]{86}==$"));
        Assert.That(second, Is.Not.EqualTo(first), "a fresh salt every time");
        Assert.That(first, Does.Not.Contain("same secret"));
    }

    [Test]
    public void Verify_HashWrittenByMosquittoPasswd_Accepts()
    {
        // `mosquitto_passwd -b -c pw alice s3cret` (Mosquitto 2.0.11): PBKDF2-HMAC-SHA512, 101 iterations.
        const string written = "$7$101$t48aLkSNZwm4XIa4$KWZAR70cUeGcGllRXY9mYNSeq/3lCYBQ7lY8D4rOCWuMStt9FQCxdNRFv/SCcMwbz7phZmtQlC63Q4uqTM6b9w==";

        Assert.That(StationSecret.Verify("s3cret", written), Is.True);
        Assert.That(StationSecret.Verify("s3cret!", written), Is.False);
    }

    [TestCase("")]
    [TestCase("plain")]
    [TestCase("$6$101$t48aLkSNZwm4XIa4$KWZAR70c")]
    [TestCase("$7$0$t48aLkSNZwm4XIa4$KWZAR70c")]
    [TestCase("$7$-5$t48aLkSNZwm4XIa4$KWZAR70c")]
    [TestCase("$7$101$not base64!$KWZAR70c")]
    [TestCase("$7$101$t48aLkSNZwm4XIa4$")]
    [TestCase("$7$101$t48aLkSNZwm4XIa4$KWZAR70c$extra")]
    public void Verify_MalformedHash_RefusesWithoutThrowing(string hash)
    {
        Assert.That(StationSecret.Verify("s3cret", hash), Is.False);
    }
}
