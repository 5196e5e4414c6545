using System.Text;
using Moci.Telemetry.SenML;

namespace Moci.Telemetry.Tests.SenML;

public sealed class SenMLDecoderTests
{
    private static readonly DateTimeOffset Now = new(2026, 11, 25, 12, 0, 0, TimeSpan.Zero);

    private static IReadOnlyList<SenMLRecord> Decode(string json)
    {
        var ok = SenMLDecoder.TryDecode(Encoding.UTF8.GetBytes(json), Now, out var records, out var error);
        Assert.That(ok, Is.True, error);
        return records;
    }

    private static string Reject(string json)
    {
        var ok = SenMLDecoder.TryDecode(Encoding.UTF8.GetBytes(json), Now, out _, out var error);
        Assert.That(ok, Is.False, "the pack should have been rejected");
        return error!;
    }

    // RFC 8428 §5.1.1, single datapoint.
    [Test]
    public void Decode_Rfc8428SingleDatapoint_ResolvesNameUnitValueAndRelativeNow()
    {
        var records = Decode("""[{"n":"urn:dev:ow:10e2073a01080063","u":"Cel","v":23.1}]""");

        Assert.That(records, Has.Count.EqualTo(1));
        var record = records[0];
        Assert.Multiple(() =>
        {
            Assert.That(record.Name, Is.EqualTo("urn:dev:ow:10e2073a01080063"));
            Assert.That(record.Unit, Is.EqualTo("Cel"));
            Assert.That(record.Value, Is.EqualTo(23.1));
            Assert.That(record.TimeWasRelative, Is.True);
            Assert.That(record.Timestamp, Is.EqualTo(Now));
        });
    }

    // RFC 8428 §5.1.2, multiple datapoints sharing a base name.
    [Test]
    public void Decode_Rfc8428MultipleDatapoints_ConcatenatesBaseName()
    {
        var records = Decode("""
            [
              {"bn":"urn:dev:ow:10e2073a01080063:","n":"voltage","u":"V","v":120.1},
              {"n":"current","u":"A","v":1.2}
            ]
            """);

        Assert.That(records.Select(r => (r.Name, r.Unit, r.Value)), Is.EqualTo(new[]
        {
            ("urn:dev:ow:10e2073a01080063:voltage", (string?)"V", (double?)120.1),
            ("urn:dev:ow:10e2073a01080063:current", "A", 1.2),
        }));
    }

    // RFC 8428 §5.1.2, current at each second for the previous 5 seconds: base time, base unit, relative t.
    [Test]
    public void Decode_Rfc8428BaseTimeAndBaseUnit_AddsTimeAndAppliesUnit()
    {
        var records = Decode("""
            [
              {"bn":"urn:dev:ow:10e2073a01080063:","bt":1.276020076001e+09,"bu":"A","bver":5,"n":"voltage","u":"V","v":120.1},
              {"n":"current","t":-5,"v":1.2},
              {"n":"current","t":-4,"v":1.3},
              {"n":"current","t":-3,"v":1.4},
              {"n":"current","t":-2,"v":1.5},
              {"n":"current","t":-1,"v":1.6},
              {"n":"current","v":1.7}
            ]
            """);

        var baseTime = DateTimeOffset.FromUnixTimeMilliseconds(1_276_020_076_001); // Tue Jun 8 18:01:16.001 UTC 2010
        Assert.That(records, Has.Count.EqualTo(7));
        Assert.Multiple(() =>
        {
            Assert.That(records[0].Unit, Is.EqualTo("V"), "own unit wins over the base unit");
            Assert.That(records[1].Unit, Is.EqualTo("A"), "base unit applies where the record has none");
            Assert.That(records[0].Timestamp, Is.EqualTo(baseTime));
            Assert.That(records[1].Timestamp, Is.EqualTo(baseTime.AddSeconds(-5)));
            Assert.That(records[6].Timestamp, Is.EqualTo(baseTime));
            Assert.That(records.Select(r => r.TimeWasRelative), Is.All.False);
            Assert.That(records.Skip(1).Select(r => r.Value), Is.EqualTo(new double?[] { 1.2, 1.3, 1.4, 1.5, 1.6, 1.7 }));
        });
    }

    // RFC 8428 §5.1.3 and its resolved form §5.1.4: records without 'n' take the base name as their name.
    [Test]
    public void Decode_Rfc8428MultipleMeasurements_MatchesTheResolvedExample()
    {
        var records = Decode("""
            [
              {"bn":"urn:dev:ow:10e2073a01080063","bt":1.320067464e+09,"bu":"%RH","v":20},
              {"u":"lon","v":24.30621},
              {"u":"lat","v":60.07965},
              {"t":60,"v":20.3},
              {"u":"lon","t":60,"v":24.30622},
              {"u":"lat","t":60,"v":60.07965},
              {"t":120,"v":20.7},
              {"u":"lon","t":120,"v":24.30623},
              {"u":"lat","t":120,"v":60.07966},
              {"u":"%EL","t":150,"v":98},
              {"t":180,"v":21.2},
              {"u":"lon","t":180,"v":24.30628},
              {"u":"lat","t":180,"v":60.07967}
            ]
            """);
        var resolved = Decode("""
            [
              {"n":"urn:dev:ow:10e2073a01080063","u":"%RH","t":1.320067464e+09,"v":20},
              {"n":"urn:dev:ow:10e2073a01080063","u":"lon","t":1.320067464e+09,"v":24.30621},
              {"n":"urn:dev:ow:10e2073a01080063","u":"lat","t":1.320067464e+09,"v":60.07965},
              {"n":"urn:dev:ow:10e2073a01080063","u":"%RH","t":1.320067524e+09,"v":20.3},
              {"n":"urn:dev:ow:10e2073a01080063","u":"lon","t":1.320067524e+09,"v":24.30622},
              {"n":"urn:dev:ow:10e2073a01080063","u":"lat","t":1.320067524e+09,"v":60.07965},
              {"n":"urn:dev:ow:10e2073a01080063","u":"%RH","t":1.320067584e+09,"v":20.7},
              {"n":"urn:dev:ow:10e2073a01080063","u":"lon","t":1.320067584e+09,"v":24.30623},
              {"n":"urn:dev:ow:10e2073a01080063","u":"lat","t":1.320067584e+09,"v":60.07966},
              {"n":"urn:dev:ow:10e2073a01080063","u":"%EL","t":1.320067614e+09,"v":98},
              {"n":"urn:dev:ow:10e2073a01080063","u":"%RH","t":1.320067644e+09,"v":21.2},
              {"n":"urn:dev:ow:10e2073a01080063","u":"lon","t":1.320067644e+09,"v":24.30628},
              {"n":"urn:dev:ow:10e2073a01080063","u":"lat","t":1.320067644e+09,"v":60.07967}
            ]
            """);

        Assert.That(records, Is.EqualTo(resolved).UsingPropertiesComparer());
    }

    // RFC 8428 §5.1.5, multiple data types.
    [Test]
    public void Decode_Rfc8428MultipleDataTypes_ReadsStringBooleanAndData()
    {
        var records = Decode("""
            [
              {"bn":"urn:dev:ow:10e2073a01080063:","n":"temp","u":"Cel","v":23.1},
              {"n":"label","vs":"Machine Room"},
              {"n":"open","vb":false},
              {"n":"nfv-reader","vd":"aGkgCg"}
            ]
            """);

        Assert.Multiple(() =>
        {
            Assert.That(records[1].StringValue, Is.EqualTo("Machine Room"));
            Assert.That(records[1].Value, Is.Null);
            Assert.That(records[2].BooleanValue, Is.False);
            Assert.That(records[3].DataValue, Is.EqualTo("hi \n"u8.ToArray()));
        });
    }

    // RFC 8428 §5.1.7, two lights dimmed now and switched off 100 ms later.
    [Test]
    public void Decode_Rfc8428FractionalRelativeTimes_KeepMilliseconds()
    {
        var records = Decode("""
            [
              {"bt":1.320078429e+09,"bu":"/","n":"2001:db8::3","v":0.5},
              {"n":"2001:db8::4","v":0.5},
              {"n":"2001:db8::3","t":0.1,"v":0},
              {"n":"2001:db8::4","t":0.1,"v":0}
            ]
            """);

        var start = DateTimeOffset.FromUnixTimeSeconds(1_320_078_429);
        Assert.That(records.Select(r => r.Timestamp), Is.EqualTo(new[] { start, start, start.AddMilliseconds(100), start.AddMilliseconds(100) }));
        Assert.That(records.Select(r => r.Unit), Is.All.EqualTo("/"));
    }

    [Test]
    public void Decode_BaseValueAndBaseSum_AreAddedToValueAndSum()
    {
        var records = Decode("""
            [
              {"bn":"dev:","bt":1.7e9,"bv":100,"bs":10,"n":"a","v":1,"s":2},
              {"n":"b","v":-1}
            ]
            """);

        Assert.Multiple(() =>
        {
            Assert.That(records[0].Value, Is.EqualTo(101));
            Assert.That(records[0].Sum, Is.EqualTo(12));
            Assert.That(records[1].Value, Is.EqualTo(99));
            Assert.That(records[1].Sum, Is.EqualTo(10), "a base sum alone gives every record a sum");
        });
    }

    [Test]
    public void Decode_SumWithoutValue_IsValid()
    {
        var records = Decode("""[{"n":"energy","u":"J","s":5.5,"t":1.7e9}]""");

        Assert.That(records[0].Sum, Is.EqualTo(5.5));
        Assert.That(records[0].Value, Is.Null);
    }

    [Test]
    public void Decode_UnknownLabel_IsIgnored()
    {
        var records = Decode("""[{"n":"a","v":1,"t":1.7e9,"foo":{"nested":[1,2]},"l":"[]"}]""");

        Assert.That(records[0].Value, Is.EqualTo(1));
    }

    [Test]
    public void Decode_QaExtension_KeepsItsNamesOnItsOwnRecordOnly()
    {
        var records = Decode("""[{"bn":"urn:dev:moci:s:","bt":1.7e9,"n":"a","v":1,"qa":["clock_suspect","later"]},{"n":"b","v":2}]""");

        Assert.That(records[0].Qa, Is.EqualTo(new[] { "clock_suspect", "later" }));
        Assert.That(records[1].Qa, Is.Null);
    }

    [TestCase("""[{"n":"a","v":1,"qa":"clock_suspect"}]""")]
    [TestCase("""[{"n":"a","v":1,"qa":[1]}]""")]
    public void Decode_QaNotAListOfNames_RejectsSayingWhatItMustBe(string json) =>
        Assert.That(Reject(json), Does.Contain("'qa' must be a list of quality flag names, e.g. [\"clock_suspect\"]"));

    [Test]
    public void Decode_EmptyPack_HasNoRecords()
    {
        Assert.That(Decode("[]"), Is.Empty);
    }

    [TestCase("""{"n":"a","v":1}""", "JSON array")]
    [TestCase("""[1]""", "record 1: a SenML record must be a JSON object")]
    [TestCase("""[{"n":"a","v":1},{"v":2}]""", "record 2: the record has no name")]
    [TestCase("""[{"n":"a"}]""", "no value")]
    [TestCase("""[{"n":"a","v":1,"vs":"x"}]""", "only one of")]
    [TestCase("""[{"n":"a","vb":true,"vd":"aGk"}]""", "only one of")]
    [TestCase("""[{"n":"-a","v":1}]""", "must start with a letter or a digit")]
    [TestCase("""[{"n":"a b","v":1}]""", "contains ' '")]
    [TestCase("""[{"bn":"http://[2001:db8::2]/","n":"temperature","v":27.2}]""", "contains '/'")]
    [TestCase("""[{"n":"a","v":"1"}]""", "'v' must be a finite number")]
    [TestCase("""[{"n":"a","v":1,"t":"now"}]""", "'t' must be a finite number")]
    [TestCase("""[{"n":"a","vb":1}]""", "'vb' must be true or false")]
    [TestCase("""[{"n":1,"v":1}]""", "'n' must be a string")]
    [TestCase("""[{"n":"a","vd":"a+b/"}]""", "'vd' is not base64url")]
    [TestCase("""[{"n":"a","v":1,"v":2}]""", "the label 'v' appears twice")]
    [TestCase("""[{"n":"a","v":1,"ext_":true}]""", "must be understood")]
    [TestCase("""[{"bver":11,"n":"a","v":1}]""", "version 11 is newer")]
    [TestCase("""[{"bver":0,"n":"a","v":1}]""", "'bver' must be a positive integer")]
    [TestCase("""[{"bver":10,"n":"a","v":1},{"bver":9,"n":"b","v":1}]""", "'bver' changes")]
    [TestCase("""[{"n":"a","v":1e999}]""", "finite number")]
    [TestCase("""[{"n":"a","v":1}""", "")]
    [TestCase("""[{"n":"a","v":1}] []""", "")]
    [TestCase("""not json""", "")]
    public void Decode_InvalidPack_RejectsWithReason(string json, string reason)
    {
        var error = Reject(json);

        Assert.That(error, Does.Contain(reason));
        Assert.That(error, Is.Not.Empty);
    }

    [TestCase("[{\"n\":\"a\\nINFO forged\",\"v\":1}]", @"the name 'a\u000AINFO forged' contains '\u000A'")]
    [TestCase("[{\"n\":\"\u00e9t\u00e9\",\"v\":1}]", @"the name '\u00E9t\u00E9' must start")]
    [TestCase("[{\"n\":\"a\",\"v\":1,\"x\\r\\n_\":1}]", @"the label 'x\u000D\u000A_' must be understood")]
    public void Decode_SenderTextInTheReason_IsEscaped(string json, string reason)
    {
        var error = Reject(json);

        Assert.That(error, Does.Contain(reason));
        Assert.That(error, Has.All.InRange(' ', '~'));
    }

    [Test]
    public void Decode_LongBadName_IsQuotedAsAShortPrefix()
    {
        var error = Reject("[{\"n\":\"" + new string('a', 5000) + " \",\"v\":1}]");

        Assert.That(error, Does.Contain("'" + new string('a', 64) + "...'"));
        Assert.That(error, Has.Length.LessThan(300));
    }

    [Test]
    public void Decode_InvalidUtf8_RejectsWithAnEscapedReason()
    {
        byte[] json = [.. Encoding.UTF8.GetBytes("[{\"n\":\"a"), 0xFF, 0xFE, .. Encoding.UTF8.GetBytes("\",\"v\":1}]")];

        var ok = SenMLDecoder.TryDecode(json, Now, out _, out var error);

        Assert.That(ok, Is.False);
        Assert.That(error, Has.All.InRange(' ', '~'));
    }

    [Test]
    public void Decode_TooManyRecords_Rejects()
    {
        var json = "[" + string.Join(",", Enumerable.Repeat("""{"n":"a","v":1}""", SenMLDecoder.MaxRecords + 1)) + "]";

        Assert.That(Reject(json), Does.Contain("more than"));
    }

    [Test]
    public void Decode_SequencePayload_DecodesLikeSpan()
    {
        var bytes = Encoding.UTF8.GetBytes("""[{"bn":"x:","bt":1.7e9,"n":"a","v":1},{"n":"b","v":2,"t":1}]""");

        var ok = SenMLDecoder.TryDecode(new System.Buffers.ReadOnlySequence<byte>(bytes), Now, out var records, out var error);

        Assert.That(ok, Is.True, error);
        Assert.That(records.Select(r => r.Name), Is.EqualTo(new[] { "x:a", "x:b" }));
    }

    [Test]
    public void Decode_NamesRepeatedInAPack_ShareOneStringPerName()
    {
        var records = Decode("""
            [
              {"bn":"urn:dev:moci:a:","bt":1.7956008e9,"n":"pm2_5","u":"ug/m3","v":12},
              {"n":"temperature","u":"Cel","v":4},
              {"n":"pm2_5","u":"ug/m3","v":13,"t":60}
            ]
            """);

        Assert.That(records[2].Name, Is.EqualTo("urn:dev:moci:a:pm2_5"));
        Assert.That(records[2].Name, Is.SameAs(records[0].Name));
        Assert.That(records[2].Unit, Is.SameAs(records[0].Unit));
    }

    [Test]
    public void Decode_BaseNameChangedWithinThePack_LaterNamesTakeTheNewBase()
    {
        var records = Decode("""
            [
              {"bn":"urn:dev:moci:a:","n":"ph","v":7},
              {"bn":"urn:dev:moci:b:","n":"ph","v":7.1},
              {"n":"ph","v":7.2}
            ]
            """);

        Assert.That(records.Select(r => r.Name), Is.EqualTo(new[] { "urn:dev:moci:a:ph", "urn:dev:moci:b:ph", "urn:dev:moci:b:ph" }));
    }

    [Test]
    public void Decode_EscapedLabelsAndValues_ReadAsTheirText()
    {
        var records = Decode("""[{"\u0062n":"urn:dev:moci:a:","\u006e":"p\u0068","v":7},{"n":"ph","\u0076":7.5}]""");

        Assert.That(records.Select(r => (r.Name, r.Value)), Is.EqualTo(new[] { ("urn:dev:moci:a:ph", (double?)7), ("urn:dev:moci:a:ph", 7.5) }));
    }

    [Test]
    public void Decode_EscapedLabelGivenTwice_NamesIt()
    {
        Assert.That(Reject("""[{"n":"ph","\u006e":"ph","v":7}]"""), Does.Contain("the label 'n' appears twice"));
    }

    [Test]
    public void Decode_InvalidNameRepeated_RejectsTheFirstRecordThatHasIt()
    {
        Assert.That(Reject("""[{"bn":"urn:dev:moci:a:","n":"ph","v":7},{"n":"p h","v":7},{"n":"p h","v":7}]"""), Does.StartWith("record 2: the name"));
    }
}
