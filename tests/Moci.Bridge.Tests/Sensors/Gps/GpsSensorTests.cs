using Microsoft.Extensions.Time.Testing;
using Moci.Bridge.Sensors;
using Moci.Bridge.Sensors.Gps;
using Moci.Bridge.Tests.Sensors.Support;
using Moci.Telemetry.Metrics;

namespace Moci.Bridge.Tests.Sensors.Gps;

// One instance per test: each gets its own clock and port.
[FixtureLifeCycle(LifeCycle.InstancePerTestCase)]
public sealed class GpsSensorTests
{
    // The station's clock is 95 s behind (no network since it booted).
    private readonly FakeTimeProvider _time = new(new DateTimeOffset(2026, 11, 20, 8, 13, 27, TimeSpan.Zero));
    private readonly SimulatedSerialPort _port = new();

    [TearDown]
    public void DisposePort() => _port.Dispose();

    [Test]
    public async Task ReadAsync_RecordedRide_GivesTheNewestPosition()
    {
        using var gps = new GpsSensor("gps", _port, "/dev/serial0", _time);
        _port.Feed(NmeaRecording.Bytes(NmeaRecording.TiranaRmc1, NmeaRecording.TiranaGga1, NmeaRecording.Satellites, NmeaRecording.TiranaRmc2, NmeaRecording.TiranaGga2));

        var values = await gps.ReadAsync(CancellationToken.None);

        Assert.That(values.Select(v => v.Metric), Is.EqualTo(new[] { MetricCatalogue.Latitude, MetricCatalogue.Longitude }));
        Assert.That(values[0].Value, Is.EqualTo(41 + 19.662 / 60).Within(1e-9));
        Assert.That(values[1].Value, Is.EqualTo(19 + 49.118 / 60).Within(1e-9));
    }

    [Test]
    public async Task LastFix_AfterAFix_GivesSatelliteTimeAndTheClockOffset()
    {
        using var gps = new GpsSensor("gps", _port, "/dev/serial0", _time);
        _port.Feed(NmeaRecording.Bytes(NmeaRecording.TiranaRmc1, NmeaRecording.TiranaGga1));

        await gps.ReadAsync(CancellationToken.None);

        Assert.That(gps.HasFix, Is.True);
        Assert.That(gps.LastFix, Is.Not.Null);
        Assert.That(gps.LastFix!.UtcTime, Is.EqualTo(new DateTimeOffset(2026, 11, 20, 8, 15, 2, TimeSpan.Zero)));
        Assert.That(gps.LastFix.Satellites, Is.EqualTo(9));
        Assert.That(gps.LastFix.ClockOffset, Is.EqualTo(TimeSpan.FromSeconds(95)));
    }

    [Test]
    public async Task ReadAsync_ColdStartWithoutFix_GivesNothingAndKeepsNoFix()
    {
        using var gps = new GpsSensor("gps", _port, "/dev/serial0", _time);
        _port.Feed(NmeaRecording.Bytes(NmeaRecording.ColdStartRmc, NmeaRecording.Satellites, NmeaRecording.ColdStartGga));

        var values = await gps.ReadAsync(CancellationToken.None);

        Assert.That(values, Is.Empty);
        Assert.That(gps.HasFix, Is.False);
        Assert.That(gps.LastFix, Is.Null);
        Assert.That(gps.SentencesWithoutFix, Is.EqualTo(2));
    }

    [Test]
    public async Task ReadAsync_FixLost_GivesNothingButKeepsTheLastFix()
    {
        using var gps = new GpsSensor("gps", _port, "/dev/serial0", _time);
        _port.Feed(NmeaRecording.Bytes(NmeaRecording.TiranaRmc2, NmeaRecording.TiranaGga2));
        await gps.ReadAsync(CancellationToken.None);
        _port.Feed(NmeaRecording.Bytes(NmeaRecording.FixLostRmc, NmeaRecording.FixLostGga));

        var values = await gps.ReadAsync(CancellationToken.None);

        Assert.That(values, Is.Empty);
        Assert.That(gps.HasFix, Is.False);
        Assert.That(gps.LastFix!.UtcTime.Second, Is.EqualTo(3));
    }

    [Test]
    public async Task ReadAsync_OnlyCorruptSentences_ThrowsAfterTheTimeoutCountingThem()
    {
        var corrupt = NmeaRecording.TiranaRmc1[..^2] + "00";
        using var gps = new GpsSensor("gps", _port, "/dev/serial0", _time);
        _port.Feed(NmeaRecording.Bytes(corrupt, corrupt));

        var read = gps.ReadAsync(CancellationToken.None).AsTask();
        _time.Advance(TimeSpan.FromSeconds(5));

        var ex = await Assert.ThrowsAsync<SensorException>(async () => await read.WaitAsync(TimeSpan.FromSeconds(10)));
        Assert.That(ex!.Message, Does.Contain("2 bad checksums").And.Contain("9600"));
        Assert.That(gps.HasFix, Is.False);
    }

    [Test]
    public async Task ReadAsync_SentenceSplitAcrossReads_GivesThePosition()
    {
        var bytes = NmeaRecording.Bytes(NmeaRecording.TiranaRmc1);
        using var gps = new GpsSensor("gps", _port, "/dev/serial0", _time);
        _port.Feed(bytes[..40]);

        var read = gps.ReadAsync(CancellationToken.None).AsTask();
        _port.Feed(bytes[40..]);

        Assert.That(await read.WaitAsync(TimeSpan.FromSeconds(10)), Has.Count.EqualTo(2));
    }

    [Test]
    public async Task ReadAsync_NoReceiver_ThrowsNamingThePort()
    {
        using var gps = new GpsSensor("gps", _port, "/dev/ttyACM0", _time);

        var read = gps.ReadAsync(CancellationToken.None).AsTask();
        _time.Advance(TimeSpan.FromSeconds(5));

        var ex = await Assert.ThrowsAsync<SensorException>(async () => await read.WaitAsync(TimeSpan.FromSeconds(10)));
        Assert.That(ex!.Message, Does.Contain("GPS 'gps' on /dev/ttyACM0").And.Contain("nothing received within 5 s"));
    }
}
