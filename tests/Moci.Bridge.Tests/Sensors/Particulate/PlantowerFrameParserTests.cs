using Moci.Bridge.Sensors.Particulate;

namespace Moci.Bridge.Tests.Sensors.Particulate;

public sealed class PlantowerFrameParserTests
{
    /// <summary>
    /// A PMS5003 data frame laid out as in its data manual (V2.3, appendix I): "BM", length 28, PM1/PM2.5/PM10 CF=1
    /// 5/8/10, atmospheric 4/7/9 µg/m³, particle counts, reserved 0x9700, and the sum of the 30 bytes before, 0x02C1.
    /// </summary>
    internal static readonly byte[] DatasheetFrame = Convert.FromHexString(
        "424D001C" + "00050008000A" + "000400070009" + "03F3012400300006000200019700" + "02C1");

    [Test]
    public void TryTake_DatasheetFrame_GivesItsConcentrations()
    {
        var parser = new PlantowerFrameParser();
        parser.Append(DatasheetFrame);

        Assert.That(parser.TryTake(out var frame), Is.True);
        Assert.That(frame, Is.EqualTo(new PlantowerFrame(5, 8, 10, 4, 7, 9)));
        Assert.That(parser.Counters.Frames, Is.EqualTo(1));
    }

    [TestCase(1)]
    [TestCase(4)]
    [TestCase(17)]
    [TestCase(31)]
    public void TryTake_FrameSplitAcrossReads_WaitsForTheRest(int firstPart)
    {
        var parser = new PlantowerFrameParser();
        parser.Append(DatasheetFrame.AsSpan(0, firstPart));

        Assert.That(parser.TryTake(out _), Is.False);

        parser.Append(DatasheetFrame.AsSpan(firstPart));
        Assert.That(parser.TryTake(out var frame), Is.True);
        Assert.That(frame.AtmosphericPm2_5, Is.EqualTo(7));
        Assert.That(parser.Counters.SkippedBytes, Is.Zero);
    }

    [Test]
    public void TryTake_GarbageAndAStrayStartBeforeAFrame_ResynchronisesOnTheFrame()
    {
        var parser = new PlantowerFrameParser();
        byte[] garbage = [0x00, 0xFF, 0x42, 0x13, 0x42, 0x4D, 0x12, 0x34];
        parser.Append([.. garbage, .. DatasheetFrame]);

        Assert.That(parser.TryTake(out var frame), Is.True);
        Assert.That(frame.AtmosphericPm10, Is.EqualTo(9));
        Assert.That(parser.Counters.SkippedBytes, Is.EqualTo(garbage.Length));
    }

    [Test]
    public void TryTake_BadChecksum_RejectsTheFrameAndTakesTheNext()
    {
        var corrupt = DatasheetFrame.ToArray();
        corrupt[13] ^= 0x01; // atmospheric PM2.5 changed on the line
        var parser = new PlantowerFrameParser();
        parser.Append([.. corrupt, .. DatasheetFrame]);

        Assert.That(parser.TryTake(out var frame), Is.True);
        Assert.That(frame.AtmosphericPm2_5, Is.EqualTo(7));
        Assert.That(parser.TryTake(out _), Is.False);
        Assert.That(parser.Counters.ChecksumErrors, Is.EqualTo(1));
    }

    [Test]
    public void TryTake_CommandAnswerBeforeAFrame_SkipsTheAnswer()
    {
        // The answer to "sleep"/"passive mode": "BM", length 4, two data bytes, checksum (PMS5003 manual, appendix II).
        byte[] answer = [0x42, 0x4D, 0x00, 0x04, 0xE1, 0x00, 0x01, 0x74];
        var parser = new PlantowerFrameParser();
        parser.Append([.. answer, .. DatasheetFrame]);

        Assert.That(parser.TryTake(out _), Is.True);
        Assert.That(parser.Counters, Is.EqualTo(parser.Counters with { Frames = 1, ChecksumErrors = 0, SkippedBytes = 0 }));
    }
}
