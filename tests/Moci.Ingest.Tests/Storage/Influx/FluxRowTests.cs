using Moci.Ingest.Storage.Influx;

namespace Moci.Ingest.Tests.Storage.Influx;

public sealed class FluxRowTests
{
    private static FluxRow Row(string column, string value) =>
        AnnotatedCsv.Parse($"#datatype,string,long,string\n#group,false,false,false\n#default,_result,,\n,result,table,{column}\n,,0,{value}\n").Single();

    [TestCase("2026-11-20T00:00:00Z", 0L)]
    [TestCase("2026-11-20T00:00:00.123Z", 1_230_000L)]
    [TestCase("2026-11-20T00:00:00.123456789Z", 1_234_567L)]
    public void Time_Rfc3339UpToNanoseconds_IsTheInstantToTheTick(string text, long ticksAfterMidnight)
    {
        Assert.That(Row("_time", text).Time(), Is.EqualTo(new DateTimeOffset(2026, 11, 20, 0, 0, 0, TimeSpan.Zero).AddTicks(ticksAfterMidnight)));
    }

    [TestCase("+Inf", double.PositiveInfinity)]
    [TestCase("-Inf", double.NegativeInfinity)]
    [TestCase("1.5e3", 1500.0)]
    public void Double_InfluxNumbers_AreRead(string text, double value)
    {
        Assert.That(Row("value", text).Double("value"), Is.EqualTo(value));
    }

    [Test]
    public void Long_NotAWholeNumber_ThrowsNamingTheColumn()
    {
        Assert.That(() => Row("flags", "1.5").Long("flags"), Throws.InstanceOf<FluxQueryException>().With.Message.Contains("'flags'"));
    }

    [Test]
    public void String_MissingColumn_ThrowsNamingIt()
    {
        Assert.That(() => Row("station", "a").String("metric"), Throws.InstanceOf<FluxQueryException>().With.Message.Contains("'metric'"));
    }
}
