using Moci.Ingest.Storage.Influx;

namespace Moci.Ingest.Tests.Storage.Influx;

public sealed class AnnotatedCsvTests
{
    [Test]
    public void Parse_TwoTablesWithTheirOwnHeaders_YieldsEveryRecordWithDefaults()
    {
        const string csv = "#datatype,string,long,string,long\r\n#group,false,false,true,false\r\n#default,_result,,,\r\n" +
                           ",result,table,metric,_value\r\n,,0,pm10,3\r\n\r\n" +
                           "#datatype,string,long,string,double\r\n#group,false,false,true,false\r\n#default,other,,,\r\n" +
                           ",result,table,station,value\r\n,,1,a,1.5\r\n,,1,b,2\r\n\r\n";

        var rows = AnnotatedCsv.Parse(csv).ToList();

        Assert.That(rows.Select(r => r.String("result")), Is.EqualTo(new[] { "_result", "other", "other" }), "an empty field takes the table's #default");
        Assert.That((rows[0].Long("_value"), rows[1].String("station"), rows[2].Double("value")), Is.EqualTo((3L, "a", 2.0)));
        Assert.That(rows[1].Has("metric"), Is.False, "the second table has its own columns");
    }

    [Test]
    public void Parse_QuotedFields_HoldCommasQuotesAndLineBreaks()
    {
        const string csv = "#datatype,string,long,string\n#group,false,false,false\n#default,_result,,\n,result,table,station\n" +
                           ",,0,\"roof, \"\"east\"\"\nwing\"\n";

        Assert.That(AnnotatedCsv.Parse(csv).Single().String("station"), Is.EqualTo("roof, \"east\"\nwing"));
    }

    [Test]
    public void Parse_ErrorTable_ThrowsWithInfluxDBsReason()
    {
        const string csv = "#datatype,string,string\n#group,true,true\n#default,,\n,error,reference\n,\"type error @3:6-3:20: missing required argument bucket\",897\n";

        Assert.That(() => AnnotatedCsv.Parse(csv).ToList(), Throws.InstanceOf<FluxQueryException>().With.Message.Contains("missing required argument bucket"));
    }

    [Test]
    public void Parse_Empty_YieldsNothing()
    {
        Assert.That(AnnotatedCsv.Parse("\r\n"), Is.Empty);
    }
}
