using System.Globalization;
using System.Text;
using System.Text.Json;
using CsCheck;
using Moci.Telemetry.Metrics;
using Moci.Telemetry.Protocol;
using Moci.Telemetry.SenML;

namespace Moci.Ingest.Tests.Support;

/// <summary>
/// Generators of readings messages as a hostile or broken client sends them: SenML packs shaped like a station's
/// with any field wrong, label soup, byte-level damage, and payloads no encoder writes (random bytes, nothing,
/// deep nesting, numbers of thousands of digits, invalid UTF-8); and well-formed packs of one clean station whose
/// readings are known. Times are around <see cref="Now"/>, in and out of the intake's default window.
/// Thread-safe: the generators are immutable.
/// </summary>
internal sealed class HostilePacks
{
    /// <summary>Largest payload generated: well below the embedded broker's default packet limit of 256 KiB.</summary>
    public const int MaxPayloadBytes = 200_000;

    private static readonly string[] Labels = ["bn", "bt", "bu", "bv", "bs", "bver", "n", "u", "v", "vs", "vb", "vd", "s", "t", "ut", "l", "foo", "x_", ""];

    private static readonly Gen<string> Number = Gen.Frequency(
        (24, Gen.Double[-2000, 2000].Select(R)),
        (4, Gen.OneOf("1e308", "-1e308", "1.7976931348623157e308", "5e-324", "0", "-0", "1e-320", "1e400", "-1e400", "123456789012345678901234567890")),
        (1, Gen.OneOf("NaN", "Infinity", "-Infinity", "\"7\"", "true", "null", "[]", "{}", "1e", "-", "0x10", "01", "[[[[[1]]]]]")));

    private static readonly Gen<string> MetricName = Gen.Frequency(
        (24, Gen.OneOf([.. MetricCatalogue.All.Select(m => m.Name)])),
        (2, Gen.OneOf("nitrate", "PM10", "pm10 ", "", "pm\n10", "pm\u2081\u2080", "a'b\\c", new string('x', 2000), new string('\u00e9', 2000), "-pm10", "urn:dev:moci:shk-river-01:ph", "urn:dev:moci:rrg-clean-01:pm10")),
        (1, Gen.String[0, 20]));

    private static readonly Gen<string?> Unit = Gen.Frequency(
        (5, Gen.Const((string?)null)),
        (5, Gen.OneOf<string?>([.. MetricCatalogue.All.SelectMany(m => m.Aliases.Select(a => a.Unit).Prepend(m.Unit)).Distinct()])),
        (2, Gen.OneOf<string?>("", "ug/m3\n[INFO] forged", "\u00b5g/m\u00b3", new string('\u00b5', 2000), "Cel\u001b[2J", "count")),
        (1, Gen.String[0, 12].Select(s => (string?)s)));

    /// <summary>Byte sequences that are not UTF-8 (RFC 3629): a lone lead or continuation byte, an overlong form, a surrogate, beyond U+10FFFF.</summary>
    private static readonly byte[][] InvalidUtf8 =
    [
        [0xC3, 0x28], [0xA0, 0xA1], [0x80], [0xE2, 0x28, 0xA1], [0xE2, 0x82, 0x28], [0xF0, 0x28, 0x8C, 0xBC],
        [0xC0, 0xAF], [0xED, 0xA0, 0x80], [0xF4, 0x90, 0x80, 0x80], [0xFF], [0xFE, 0xFF], [0xC3],
    ];

    /// <summary>Where invalid UTF-8 goes in an otherwise plausible pack: in a name, a unit, a base name, a key, a string value, between tokens.</summary>
    private static readonly (string Before, string After)[] InvalidUtf8Places =
    [
        ("[{\"n\":\"pm10", "\",\"u\":\"ug/m3\",\"v\":1}]"),
        ("[{\"n\":\"pm10\",\"u\":\"", "\",\"v\":1}]"),
        ("[{\"bn\":\"urn:dev:moci:", ":\",\"n\":\"pm10\",\"v\":1}]"),
        ("[{\"", "\":1,\"n\":\"pm10\",\"v\":1}]"),
        ("[{\"n\":\"pm10\",\"vs\":\"", "\"}]"),
        ("[", "{\"n\":\"pm10\",\"v\":1}]"),
        ("", ""),
    ];

    /// <summary>Payloads no SenML encoder writes, each at most <see cref="MaxPayloadBytes"/>.</summary>
    private static readonly Gen<byte[]> Extreme = Gen.Frequency(
        (4, Gen.Byte.Array[1, 1024]),
        (2, Gen.Const(Array.Empty<byte>())),
        (2, Gen.Int[5, 50_000].Select(depth => Utf8(new string('[', depth) + new string(']', depth)))),
        (1, Gen.Int[5, 10_000].Select(depth => Utf8("[{\"n\":\"pm10\",\"v\":" + string.Concat(Enumerable.Repeat("{\"a\":", depth)) + "1" + new string('}', depth) + "}]"))),
        (2, Gen.Int[310, 50_000].Select(digits => Utf8($"[{{\"n\":\"pm10\",\"u\":\"ug/m3\",\"v\":{new string('9', digits)}}}]"))),
        (1, Gen.Int[310, 50_000].Select(digits => Utf8($"[{{\"bt\":{new string('9', digits)},\"n\":\"pm10\",\"v\":1}}]"))),
        (1, Gen.Int[310, 50_000].Select(digits => Utf8($"[{{\"n\":\"pm10\",\"v\":0.{new string('0', digits)}1e{digits}}}]"))),
        (1, Gen.OneOf("1e999999999", "-1e999999999", "1e-999999999", "9" + new string('9', 400) + "e-400", "-0e999999999").Select(n => Utf8($"[{{\"n\":\"pm10\",\"v\":{n},\"t\":{n}}}]"))),
        (3, Gen.Select(Gen.OneOf(InvalidUtf8), Gen.OneOf(InvalidUtf8Places)).Select(x => (byte[])[.. Utf8(x.Item2.Before), .. x.Item1, .. Utf8(x.Item2.After)])),
        (1, Gen.OneOf(
            (byte[])[0xEF, 0xBB, 0xBF, .. Utf8("[{\"n\":\"pm10\",\"v\":1}]")],
            Utf8("[{\"n\":\"pm10\0\",\"v\":1}]"),
            Utf8("[{\"n\":\"pm\\u000010\",\"v\":1}]"),
            Utf8("[{\"n\":\"pm10\",\"v\":1}]\0"),
            Utf8("[{\"n\":\"pm10\",\"vs\":\"" + new string('x', 150_000) + "\"}]"),
            Utf8("[" + string.Join(',', Enumerable.Repeat("{\"n\":\"a\",\"v\":1}", SenMLDecoder.MaxRecords + 1)) + "]"))));

    private readonly long _nowMilliseconds;
    private readonly Metric[] _cleanMetrics;

    /// <param name="now">The hub's clock the messages are made for.</param>
    /// <param name="garbageStations">Registered stations whose topics the garbage is sent on.</param>
    /// <param name="cleanStation">A registered air station that only well-formed packs are sent for.</param>
    public HostilePacks(DateTimeOffset now, IReadOnlyList<string> garbageStations, string cleanStation)
    {
        Now = now;
        _nowMilliseconds = now.ToUnixTimeMilliseconds();
        CleanStation = cleanStation;
        _cleanMetrics = [.. MetricCatalogue.All.Where(m => m.Medium != Medium.Water)];

        // A time as 'bt' would carry it: around the hub's clock (in and out of the window; often one of a few
        // whole minutes, so that packs meet on a key and conflict), relative, or absurd.
        var baseTime = Gen.Frequency(
            (8, Gen.Int[1, 20].Select(minutes => R((_nowMilliseconds - (minutes * 60_000L)) / 1000.0))),
            (8, Gen.Long[-40L * 86_400_000, 86_400_000].Select(offset => R((_nowMilliseconds + offset) / 1000.0))),
            (3, Gen.Double[-1e6, 1e6].Select(R)),
            (3, Gen.OneOf("1e308", "-1e308", "-1e15", "253402300800", "253402300799.9996", "4102444800", "946684799.999", "0", "268435456", "268435455.999", "1e20")),
            (1, Gen.OneOf("\"now\"", "null", "true", "[1]")));
        var offset = Gen.Frequency(
            (8, Gen.Int[-20, 20].Select(minutes => (minutes * 60).ToString(CultureInfo.InvariantCulture))),
            (4, Gen.Int[-3600, 3600].Select(s => s.ToString(CultureInfo.InvariantCulture))),
            (1, baseTime));
        var baseName = Gen.OneOf([.. garbageStations.Append(cleanStation).Select(WireProtocol.BaseName), "urn:dev:moci:", "", "x y", "\u00e9"]);

        // A record shaped like what a station sends, each field sometimes wrong.
        var shapedRecord =
            from bn in Gen.Frequency((6, Gen.Const((string?)null)), (1, baseName.Select(b => (string?)b)))
            from bt in Gen.Frequency((2, Gen.Const((string?)null)), (3, baseTime.Select(t => (string?)t)))
            from name in MetricName
            from unit in Unit
            from value in Gen.Frequency((24, Number.Select(v => $"\"v\":{v}")), (1, Gen.OneOf("\"vs\":\"7\"", "\"vb\":true", "\"vd\":\"AAEC\"", "\"s\":5", "\"v\":1,\"v\":2", "")))
            from t in Gen.Frequency((3, Gen.Const((string?)null)), (2, offset.Select(t => (string?)t)))
            from extra in Gen.Frequency((16, Gen.Const("")), (1, Gen.OneOf(",\"bver\":10", ",\"bver\":11", ",\"ext_\":1", ",\"foo\":{\"a\":[1]}", ",\"ut\":60", ",\"bu\":\"K\"", ",\"bv\":1e308", ",\"n\":\"pm10\"")))
            select "{" + string.Join(',', new[]
            {
                bn is null ? null : "\"bn\":" + Str(bn),
                bt is null ? null : "\"bt\":" + bt,
                "\"n\":" + Str(name),
                unit is null ? null : "\"u\":" + Str(unit),
                value.Length == 0 ? null : value,
                t is null ? null : "\"t\":" + t,
            }.Where(f => f is not null)) + extra + "}";

        // Any labels with any values, duplicates included.
        var labelSoup =
            Gen.Select(Gen.OneOf(Labels), Gen.Frequency((3, Number), (2, baseTime), (2, MetricName.Select(Str))))
                .Array[0, 6]
                .Select(fields => "{" + string.Join(',', fields.Select(f => Str(f.Item1) + ":" + f.Item2)) + "}");

        var pack =
            from records in Gen.Frequency((30, shapedRecord), (1, labelSoup), (1, Gen.OneOf("1", "\"x\"", "[]", "null"))).Array[0, 5]
            from shape in Gen.Frequency((30, Gen.Const("[{0}]")), (1, Gen.OneOf("{0}", "[{0}", "[{0}]]", "[{0}] []", "[[{0}]]", "{{\"a\":[{0}]}}", "")))
            select string.Format(CultureInfo.InvariantCulture, shape, string.Join(',', records));

        var topic = Gen.Frequency(
            (20, Gen.OneOf([.. garbageStations]).Select(WireTopics.Readings)),
            (1, Gen.OneOf(
                "moci/v1/unknown-1/senml", WireTopics.Ack(garbageStations[0]), "moci/v1/Bad/senml", "moci/v1//senml", "", "x\n\u001b[2J",
                WireTopics.Readings(garbageStations[0]) + "/extra", "moci/v1/" + new string('a', 2000) + "/senml", "moci/v1/\u00e9/senml")));

        Garbage =
            from t in topic
            from payload in Gen.Frequency((24, pack.SelectMany(p => Mutate(Utf8(p)))), (2, Extreme))
            from seq in Gen.OneOf<string?>(null, "1", "42", "-1", "abc", "99999999999999999999", "")
            select new PackMessage(t, payload, seq, null);

        Clean =
            from metrics in Gen.Shuffle(_cleanMetrics, 1, _cleanMetrics.Length)
            from age in Gen.Long[60_000, 25L * 86_400_000]
            select CleanPack(metrics, _nowMilliseconds - age);
    }

    /// <summary>The hub's clock the messages are made for.</summary>
    public DateTimeOffset Now { get; }

    /// <summary>The station the clean packs are of.</summary>
    public string CleanStation { get; }

    /// <summary>Metrics the clean (air) station sends, each in its catalogue unit.</summary>
    public IReadOnlyList<Metric> CleanMetrics => _cleanMetrics;

    /// <summary>
    /// Garbage, mostly on the garbage stations' readings topics (sometimes on a topic that is no readings topic of
    /// theirs), with a <c>seq</c> that may be missing or not a number.
    /// </summary>
    public Gen<PackMessage> Garbage { get; }

    /// <summary>
    /// A well-formed pack of the clean station: up to all its metrics at one time inside the intake's window, a
    /// minute to 25 days before <see cref="Now"/>. Each value is a function of (metric, time), so two clean packs
    /// that meet on a key are duplicates, never conflicts.
    /// </summary>
    public Gen<PackMessage> Clean { get; }

    /// <summary>A message for a failure report: topic, seq and payload, escaped and shortened.</summary>
    public static string Print(PackMessage message) =>
        $"topic {LogText.Quote(message.Topic, 200)} seq {LogText.Quote(message.Seq)} payload {LogText.Quote(Encoding.UTF8.GetString(message.Payload), 2000)}";

    private PackMessage CleanPack(Metric[] metrics, long milliseconds)
    {
        var readings = metrics.Select(m => (m.Name, milliseconds, ((milliseconds % 100_000) / 100.0) + Array.IndexOf(_cleanMetrics, m))).ToArray();
        var records = readings.Select((r, i) => i == 0
            ? $$"""{"bn":"{{WireProtocol.BaseName(CleanStation)}}","bt":{{R(milliseconds / 1000.0)}},"n":"{{r.Name}}","u":{{Str(metrics[i].Unit)}},"v":{{R(r.Item3)}}}"""
            : $$"""{"n":"{{r.Name}}","v":{{R(r.Item3)}}}""");
        return new PackMessage(WireTopics.Readings(CleanStation), Utf8("[" + string.Join(',', records) + "]"), "1", readings);
    }

    /// <summary>Byte-level damage: flipped bytes, truncation, inserted noise, or noise alone.</summary>
    private static Gen<byte[]> Mutate(byte[] bytes) => bytes.Length == 0
        ? Gen.Frequency((3, Gen.Const(bytes)), (1, Gen.Byte.Array[0, 32]))
        : Gen.Frequency(
            (24, Gen.Const(bytes)),
            (2, Gen.Select(Gen.Int[0, bytes.Length - 1], Gen.Byte).Array[1, 4].Select(flips =>
            {
                var copy = (byte[])bytes.Clone();
                foreach (var (at, value) in flips)
                {
                    copy[at] = value;
                }

                return copy;
            })),
            (2, Gen.Int[0, bytes.Length].Select(n => bytes[..n])),
            (1, Gen.Select(Gen.Int[0, bytes.Length], Gen.Byte.Array[1, 8]).Select(x => (byte[])[.. bytes[..x.Item1], .. x.Item2, .. bytes[x.Item1..]])),
            (1, Gen.Byte.Array[0, 64]));

    private static string R(double value) => value.ToString("R", CultureInfo.InvariantCulture);

    private static string Str(string text) => JsonSerializer.Serialize(text);

    private static byte[] Utf8(string text) => Encoding.UTF8.GetBytes(text);
}
