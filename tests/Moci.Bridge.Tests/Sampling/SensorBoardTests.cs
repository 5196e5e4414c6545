using Moci.Bridge.Sampling;

namespace Moci.Bridge.Tests.Sampling;

public sealed class SensorBoardTests
{
    private static readonly DateTimeOffset At = new(2026, 11, 20, 10, 0, 0, TimeSpan.Zero);

    [Test]
    public void Configured_BeforeAnyRead_IsListedOkWithNothingSampled()
    {
        var board = new SensorBoard();

        board.Configured("air", "bme280");

        Assert.That(board.All, Is.EqualTo(new[] { new SensorStatus("air", "bme280", SensorState.Ok, null, null, null) }));
    }

    [Test]
    public void Configured_AfterAFailure_KeepsTheFailure()
    {
        var board = new SensorBoard();
        board.Failed("dust", "sds011", SensorState.Missing, "no port", At);

        board.Configured("dust", "sds011");

        Assert.That(board.All.Single().State, Is.EqualTo(SensorState.Missing));
    }
}
