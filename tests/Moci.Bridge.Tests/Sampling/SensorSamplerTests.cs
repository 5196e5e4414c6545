using Microsoft.Extensions.Time.Testing;
using Moci.Bridge.Clock;
using Moci.Bridge.Sampling;
using Moci.Bridge.Sensors;
using Moci.Telemetry.Metrics;
using Moci.Telemetry.Readings;

namespace Moci.Bridge.Tests.Sampling;

public sealed class SensorSamplerTests
{
    private const string Station = "rrg-school-01";
    private static readonly DateTimeOffset T0 = new(2026, 11, 20, 10, 0, 0, TimeSpan.Zero);
    private static readonly TimeSpan Timeout = TimeSpan.FromSeconds(10);

    private FakeTimeProvider _time = null!;
    private ScriptedSensor _sensor = null!;
    private SensorBoard _board = null!;
    private List<Reading> _readings = null!;
    private ClockState _clock;

    [SetUp]
    public void SetUp()
    {
        _time = new FakeTimeProvider(T0);
        _sensor = new ScriptedSensor();
        _board = new SensorBoard();
        _readings = [];
        _clock = new ClockState(ClockSource.Ntp, true);
    }

    [TearDown]
    public void TearDown() => _sensor.Dispose();

    [Test]
    public async Task SampleOnce_OneMinuteOfOneSecondSamples_GivesTheirMeanStampedAtTheMinutesEnd()
    {
        var sampler = Sampler(TimeSpan.FromSeconds(1), TimeSpan.FromMinutes(1));
        var value = 0;
        _sensor.Next = () => [new Measurement(MetricCatalogue.Pm2_5, value++)];

        for (var second = 0; second < 60; second++)
        {
            await sampler.SampleOnceAsync(CancellationToken.None);
            _time.Advance(TimeSpan.FromSeconds(1));
        }

        Assert.That(_readings, Is.Empty, "the window is handed over at its first sample after its end, not before");
        await sampler.SampleOnceAsync(CancellationToken.None);

        Assert.That(_readings, Is.EqualTo(new[] { new Reading(Station, "pm2_5", T0.AddMinutes(1), 29.5) }));
    }

    [Test]
    public async Task SampleOnce_SampleAtTheWindowsEnd_BelongsToTheNextWindow()
    {
        var sampler = Sampler(TimeSpan.FromSeconds(30), TimeSpan.FromMinutes(1));
        var values = new Queue<double>([10, 20, 90, 100, 7]);
        _sensor.Next = () => [new Measurement(MetricCatalogue.Pm2_5, values.Dequeue())];

        for (var i = 0; i < 4; i++)
        {
            await sampler.SampleOnceAsync(CancellationToken.None);
            _time.Advance(TimeSpan.FromSeconds(30));
        }

        await sampler.SampleOnceAsync(CancellationToken.None);

        Assert.That(_readings.Select(r => (r.Timestamp, r.Value)), Is.EqualTo(new[] { (T0.AddMinutes(1), 15.0), (T0.AddMinutes(2), 95.0) }));
    }

    [Test]
    public async Task SampleOnce_FirstSampleMidWindow_WindowStillEndsOnTheWholeMinute()
    {
        _time.Advance(TimeSpan.FromSeconds(42.5));
        var sampler = Sampler(TimeSpan.FromSeconds(1), TimeSpan.FromMinutes(1));
        _sensor.Next = () => [new Measurement(MetricCatalogue.Pm2_5, 12)];

        await sampler.SampleOnceAsync(CancellationToken.None);
        _time.Advance(TimeSpan.FromSeconds(20));
        await sampler.SampleOnceAsync(CancellationToken.None);

        Assert.That(_readings.Single().Timestamp, Is.EqualTo(T0.AddMinutes(1)));
    }

    [Test]
    public async Task SampleOnce_NoAveraging_EverySampleAsItIsAtItsReadTime()
    {
        var sampler = Sampler(TimeSpan.FromSeconds(10), TimeSpan.Zero);
        var value = 1.0;
        _sensor.Next = () => [new Measurement(MetricCatalogue.Pm2_5, value++), new Measurement(MetricCatalogue.Temperature, 20)];

        await sampler.SampleOnceAsync(CancellationToken.None);
        _time.Advance(TimeSpan.FromSeconds(10.25));
        await sampler.SampleOnceAsync(CancellationToken.None);

        Assert.That(_readings.Where(r => r.Metric == "pm2_5").Select(r => (r.Timestamp, r.Value)), Is.EqualTo(new[] { (T0, 1.0), (T0.AddSeconds(10.25), 2.0) }));
        Assert.That(_readings.Count(r => r.Metric == "temperature"), Is.EqualTo(2));
    }

    [Test]
    public async Task SampleOnce_ClockNotSynchronisedForOneSample_ReadingIsClockSuspectAndKeepsItsTime()
    {
        var sampler = Sampler(TimeSpan.FromSeconds(20), TimeSpan.FromMinutes(1));
        _sensor.Next = () => [new Measurement(MetricCatalogue.Pm2_5, 12)];

        _clock = ClockState.Unknown;
        await sampler.SampleOnceAsync(CancellationToken.None);
        _clock = new ClockState(ClockSource.Ntp, true);
        for (var i = 0; i < 3; i++)
        {
            _time.Advance(TimeSpan.FromSeconds(20));
            await sampler.SampleOnceAsync(CancellationToken.None);
        }

        _time.Advance(TimeSpan.FromMinutes(1));
        await sampler.SampleOnceAsync(CancellationToken.None);

        Assert.That(_readings.Select(r => (r.Timestamp, r.Flags)), Is.EqualTo(new[]
        {
            (T0.AddMinutes(1), QaFlags.ClockSuspect),
            (T0.AddMinutes(2), QaFlags.None),
        }));
    }

    [Test]
    public async Task SampleOnce_AfterReadVouchesForTheClock_TheSampleIsNotClockSuspect()
    {
        var sampler = Sampler(TimeSpan.FromSeconds(1), TimeSpan.Zero);
        _sensor.Next = () => [new Measurement(MetricCatalogue.Pm2_5, 12)];
        _clock = ClockState.Unknown;
        sampler.AfterRead = () => _clock = new ClockState(ClockSource.Gps, true);

        await sampler.SampleOnceAsync(CancellationToken.None);

        Assert.That(_readings.Single().Flags, Is.EqualTo(QaFlags.None));
    }

    [Test]
    public async Task SampleOnce_SensorFault_IsFailingWithItsErrorAndRecovers()
    {
        var sampler = Sampler(TimeSpan.FromSeconds(1), TimeSpan.Zero);
        _sensor.Next = () => throw new SensorException("SDS011 on /dev/ttyUSB0: no frame for 5 s");

        await sampler.SampleOnceAsync(CancellationToken.None);
        var failing = _board.All.Single();
        _sensor.Next = () => [new Measurement(MetricCatalogue.Pm2_5, 12)];
        _time.Advance(TimeSpan.FromSeconds(1));
        await sampler.SampleOnceAsync(CancellationToken.None);
        var recovered = _board.All.Single();

        Assert.That(failing, Is.EqualTo(new SensorStatus("dust", "sds011", SensorState.Failing, "SDS011 on /dev/ttyUSB0: no frame for 5 s", T0, null)));
        Assert.That(recovered.State, Is.EqualTo(SensorState.Ok));
        Assert.That(recovered.LastSampleAt, Is.EqualTo(T0.AddSeconds(1)));
        Assert.That(recovered.LastError, Is.EqualTo("SDS011 on /dev/ttyUSB0: no frame for 5 s"), "the last error stays for the health report");
        Assert.That(_readings, Has.Count.EqualTo(1));
    }

    [Test]
    public async Task SampleOnce_NothingValidYet_GivesNoReading()
    {
        var sampler = Sampler(TimeSpan.FromSeconds(1), TimeSpan.FromSeconds(2));
        _sensor.Next = () => [new Measurement(MetricCatalogue.Pm2_5, double.NaN)];

        for (var i = 0; i < 5; i++)
        {
            await sampler.SampleOnceAsync(CancellationToken.None);
            _time.Advance(TimeSpan.FromSeconds(1));
        }

        Assert.That(_readings, Is.Empty);
    }

    [Test]
    public async Task Run_OnTheTimer_ReadsEveryIntervalAndHandsOverEachWindow()
    {
        var handedOver = new TaskCompletionSource<IReadOnlyList<Reading>>(TaskCreationOptions.RunContinuationsAsynchronously);
        var value = 0;
        _sensor.Next = () => [new Measurement(MetricCatalogue.Pm2_5, value++)];
        using var stop = new CancellationTokenSource();
        var running = new SensorSampler(Station, _sensor, "sds011", TimeSpan.FromSeconds(1), TimeSpan.FromSeconds(10), new FixedClock(() => _clock), _time, _board, r => handedOver.TrySetResult(r))
            .RunAsync(stop.Token);

        using var deadline = new CancellationTokenSource(Timeout);
        for (var read = 1; read <= 11; read++)
        {
            Assert.That(await _sensor.Reads.ReadAsync(deadline.Token), Is.EqualTo(read));
            if (read < 11)
            {
                // Each step only after the read before it: the timer then ticks once per second of fake time.
                _time.Advance(TimeSpan.FromSeconds(1));
            }
        }

        var readings = await handedOver.Task.WaitAsync(Timeout);
        await stop.CancelAsync();
        await running.WaitAsync(Timeout);

        Assert.That(readings, Is.EqualTo(new[] { new Reading(Station, "pm2_5", T0.AddSeconds(10), 4.5) }));
    }

    private SensorSampler Sampler(TimeSpan interval, TimeSpan averaging) =>
        new(Station, _sensor, "sds011", interval, averaging, new FixedClock(() => _clock), _time, _board, _readings.AddRange);

    private sealed class FixedClock(Func<ClockState> state) : IClockSource
    {
        public ClockState Current => state();
    }
}
