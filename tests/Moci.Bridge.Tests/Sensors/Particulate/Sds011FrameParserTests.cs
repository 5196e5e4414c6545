using Moci.Bridge.Sensors.Particulate;

namespace Moci.Bridge.Tests.Sensors.Particulate;

public sealed class Sds011FrameParserTests
{
    /// <summary>
    /// An SDS011 data report as its control protocol (V1.3) lays it out: AA C0, PM2.5 = 0x007B = 12.3 µg/m³ and
    /// PM10 = 0x00C9 = 20.1 µg/m³ (low byte first, tenths), device id A1 60, the sum of the six data bytes (0x45), AB.
    /// </summary>
    internal static readonly byte[] DatasheetFrame = [0xAA, 0xC0, 0x7B, 0x00, 0xC9, 0x00, 0xA1, 0x60, 0x45, 0xAB];

    [Test]
    public void TryTake_DatasheetFrame_GivesTenthsOfMicrograms()
    {
        var parser = new Sds011FrameParser();
        parser.Append(DatasheetFrame);

        Assert.That(parser.TryTake(out var frame), Is.True);
        Assert.That(frame, Is.EqualTo(new Sds011Frame(12.3, 20.1, 0xA160)));
    }

    [TestCase(1)]
    [TestCase(5)]
    [TestCase(9)]
    public void TryTake_FrameSplitAcrossReads_WaitsForTheRest(int firstPart)
    {
        var parser = new Sds011FrameParser();
        parser.Append(DatasheetFrame.AsSpan(0, firstPart));

        Assert.That(parser.TryTake(out _), Is.False);

        parser.Append(DatasheetFrame.AsSpan(firstPart));
        Assert.That(parser.TryTake(out var frame), Is.True);
        Assert.That(frame.Pm10MicrogramsPerCubicMetre, Is.EqualTo(20.1));
    }

    [Test]
    public void TryTake_GarbageWithStrayHeadsBeforeAFrame_ResynchronisesOnTheFrame()
    {
        byte[] garbage = [0x01, 0xAA, 0xAA, 0xC0, 0x00, 0xAB];
        var parser = new Sds011FrameParser();
        parser.Append([.. garbage, .. DatasheetFrame]);

        Assert.That(parser.TryTake(out var frame), Is.True);
        Assert.That(frame.Pm2_5MicrogramsPerCubicMetre, Is.EqualTo(12.3));
        Assert.That(parser.Counters.SkippedBytes, Is.EqualTo(garbage.Length));
    }

    [Test]
    public void TryTake_BadChecksum_RejectsTheFrameAndTakesTheNext()
    {
        var corrupt = DatasheetFrame.ToArray();
        corrupt[2] = 0x7C;
        var parser = new Sds011FrameParser();
        parser.Append([.. corrupt, .. DatasheetFrame]);

        Assert.That(parser.TryTake(out var frame), Is.True);
        Assert.That(frame.Pm2_5MicrogramsPerCubicMetre, Is.EqualTo(12.3));
        Assert.That(parser.TryTake(out _), Is.False);
        Assert.That(parser.Counters.ChecksumErrors, Is.EqualTo(1));
    }

    [Test]
    public void TryTake_CommandReplyBeforeAFrame_SkipsTheReply()
    {
        // Reply to "set work": AA C5 06 01 01 00 A1 60 09 AB.
        byte[] reply = [0xAA, 0xC5, 0x06, 0x01, 0x01, 0x00, 0xA1, 0x60, 0x09, 0xAB];
        var parser = new Sds011FrameParser();
        parser.Append([.. reply, .. DatasheetFrame]);

        Assert.That(parser.TryTake(out _), Is.True);
        Assert.That(parser.Counters.Frames, Is.EqualTo(1));
        Assert.That(parser.Counters.SkippedBytes, Is.Zero);
    }
}
