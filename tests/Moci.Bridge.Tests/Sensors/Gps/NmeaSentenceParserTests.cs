using Iot.Device.Nmea0183.Sentences;
using Moci.Bridge.Sensors.Gps;

namespace Moci.Bridge.Tests.Sensors.Gps;

public sealed class NmeaSentenceParserTests
{
    [Test]
    public void TryTake_ReferenceGga_GivesPositionQualityAndSatellites()
    {
        var parser = new NmeaSentenceParser();
        parser.Append(NmeaRecording.Bytes(NmeaRecording.ReferenceGga));

        Assert.That(parser.TryTake(out var sentence), Is.True);
        var gga = (GlobalPositioningSystemFixData)sentence;
        Assert.Multiple(() =>
        {
            Assert.That(gga.Status, Is.EqualTo(GpsQuality.Fix));
            Assert.That(gga.NumberOfSatellites, Is.EqualTo(8));
            Assert.That(gga.Position.Latitude, Is.EqualTo(48 + 7.038 / 60).Within(1e-9));
            Assert.That(gga.Position.Longitude, Is.EqualTo(11 + 31.0 / 60).Within(1e-9));
        });
    }

    [Test]
    public void TryTake_RmcWithDate_GivesUtcDateAndTime()
    {
        var parser = new NmeaSentenceParser();
        parser.Append(NmeaRecording.Bytes(NmeaRecording.TiranaRmc1));

        Assert.That(parser.TryTake(out var sentence), Is.True);
        Assert.That(sentence.DateTime, Is.EqualTo(new DateTimeOffset(2026, 11, 20, 8, 15, 2, TimeSpan.Zero)));
    }

    [Test]
    public void TryTake_BadChecksum_RejectsTheSentenceAndCountsIt()
    {
        var corrupt = NmeaRecording.TiranaRmc1.Replace("4119.65000", "4119.75000", StringComparison.Ordinal);
        var parser = new NmeaSentenceParser();
        parser.Append(NmeaRecording.Bytes(corrupt, NmeaRecording.TiranaGga1));

        Assert.That(parser.TryTake(out var sentence), Is.True);
        Assert.That(sentence, Is.InstanceOf<GlobalPositioningSystemFixData>());
        Assert.That(parser.TryTake(out _), Is.False);
        Assert.That(parser.Counters.ChecksumErrors, Is.EqualTo(1));
    }

    [Test]
    public void TryTake_NoChecksum_Rejects()
    {
        var parser = new NmeaSentenceParser();
        parser.Append(NmeaRecording.Bytes(NmeaRecording.TiranaRmc1[..^3]));

        Assert.That(parser.TryTake(out _), Is.False);
        Assert.That(parser.Counters.ChecksumErrors, Is.EqualTo(1));
    }

    [TestCase(1)]
    [TestCase(30)]
    [TestCase(69)]
    public void TryTake_SentenceSplitAcrossReads_WaitsForTheLineEnd(int firstPart)
    {
        var bytes = NmeaRecording.Bytes(NmeaRecording.TiranaRmc1);
        var parser = new NmeaSentenceParser();
        parser.Append(bytes.AsSpan(0, firstPart));

        Assert.That(parser.TryTake(out _), Is.False);

        parser.Append(bytes.AsSpan(firstPart));
        Assert.That(parser.TryTake(out var sentence), Is.True);
        Assert.That(sentence, Is.InstanceOf<RecommendedMinimumNavigationInformation>());
    }

    [Test]
    public void TryTake_GarbageAndOtherSentences_SkipsToRmcAndGga()
    {
        var parser = new NmeaSentenceParser();
        parser.Append([0x00, 0xFF, (byte)'G', (byte)'$', .. NmeaRecording.Bytes(NmeaRecording.Satellites, NmeaRecording.ReferenceRmc)]);

        Assert.That(parser.TryTake(out var sentence), Is.True);
        Assert.That(sentence, Is.InstanceOf<RecommendedMinimumNavigationInformation>());
    }
}
