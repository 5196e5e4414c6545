using System.Globalization;
using System.Text;
using System.Text.Json;
using CsvHelper;
using Moci.Ingest.Exports;
using Moci.Ingest.Queries;
using Moci.Telemetry.Time;
using Moci.Telemetry.Metrics;
using Moci.Telemetry.Readings;

namespace Moci.Ingest.Tests.Exports;

public sealed class ExportWriterTests
{
    private static readonly DateTimeOffset T0 = ExportFixture.T0;

    private ExportFixture _fixture = null!;

    // Values chosen to break a careless writer: negatives, a value that needs 17 digits, a tiny one, and
    // values across the switch to summer time in Tirana (2026-03-29 01:00 UTC).
    private static readonly Reading[] SchoolReadings =
    [
        new("rrg-school-01", "temperature", T0.AddMinutes(30), -5.2),
        new("rrg-school-01", "temperature", T0.AddMinutes(60), 0.1 + 0.2, QaFlags.OutOfRange | QaFlags.ClockSuspect),
        new("rrg-school-01", "temperature", T0.AddMinutes(90), -1e-7, QaFlags.HubTimed),
        new("rrg-school-01", "pm2_5", T0.AddMinutes(60), 12.5),
        new("rrg-school-01", "pm2_5", T0.AddMinutes(75), 950, QaFlags.OutOfRange),
    ];

    [SetUp]
    public async Task Seed()
    {
        _fixture = new ExportFixture();
        await _fixture.WriteAsync(SchoolReadings);
        await _fixture.WriteAsync(new Reading("evil-01", "temperature", T0.AddMinutes(60), -3.25));
    }

    [TearDown]
    public void Dispose() => _fixture.Dispose();

    [TestCase(CsvDialect.Rfc4180)]
    [TestCase(CsvDialect.Spreadsheet)]
    public async Task WriteCsvLong_ParsedBack_EqualsTheStoredReadings(CsvDialect dialect)
    {
        var request = ExportFixture.Request([ExportFixture.School, ExportFixture.Hostile], [MetricCatalogue.Temperature, MetricCatalogue.Pm2_5], dialect: dialect);

        var rows = ReadLong(await _fixture.ExportAsync(request), dialect);

        var expected = SchoolReadings.Where(r => r.Metric == "temperature")
            .Concat(SchoolReadings.Where(r => r.Metric == "pm2_5"))
            .Append(new Reading("evil-01", "temperature", T0.AddMinutes(60), -3.25))
            .ToList();
        Assert.Multiple(() =>
        {
            Assert.That(rows.Select(r => r.Reading), Is.EqualTo(expected));
            Assert.That(rows.Select(r => r.Unit), Is.EqualTo(new[] { "Cel", "Cel", "Cel", "ug/m3", "ug/m3", "Cel" }));
            Assert.That(rows.Select(r => r.Validity), Is.EqualTo(new[] { 1, -1, 1, 1, -1, 1 }));
            Assert.That(rows[0].Name, Is.EqualTo("Rrogozhina school roof"));
            Assert.That((rows[0].Latitude, rows[0].Longitude), Is.EqualTo((41.076, 19.667)));
            Assert.That((rows[5].Latitude, rows[5].Longitude), Is.EqualTo((-41.5, -19.25)));
        });
    }

    [TestCase(CsvDialect.Rfc4180, "-5.2", "2026-03-29T00:30:00.000Z", "2026-03-29T01:30:00.000+01:00")]
    [TestCase(CsvDialect.Spreadsheet, "-5,2", "2026-03-29 00:30:00", "2026-03-29 01:30:00")]
    public async Task WriteCsvLong_NegativeNumber_IsAPlainNumberAndTimesAreUtcAndLocal(CsvDialect dialect, string value, string utc, string local)
    {
        var request = ExportFixture.Request([ExportFixture.School], [MetricCatalogue.Temperature], dialect: dialect);

        var text = Encoding.UTF8.GetString(await _fixture.ExportAsync(request));
        var separator = CsvDialects.Separator(dialect);
        var firstRow = text.Split("\r\n").First(line => line.StartsWith("rrg-school-01", StringComparison.Ordinal));

        Assert.That(firstRow.Split(separator)[5..8], Is.EqualTo(new[] { utc, local, value }));
    }

    [Test]
    public async Task WriteCsvLong_AfterTheSwitchToSummerTime_LocalTimeIsTwoHoursAhead()
    {
        var request = ExportFixture.Request([ExportFixture.School], [MetricCatalogue.Temperature]);

        var rows = ReadLong(await _fixture.ExportAsync(request), CsvDialect.Rfc4180);

        // Albania follows EU summer time: 2026-03-29 01:00 UTC clocks go from 02:00 (+01:00) to 03:00 (+02:00).
        Assert.That(rows.Select(r => r.Local), Is.EqualTo(new[]
        {
            new DateTimeOffset(2026, 3, 29, 1, 30, 0, TimeSpan.FromHours(1)),
            new DateTimeOffset(2026, 3, 29, 3, 0, 0, TimeSpan.FromHours(2)),
            new DateTimeOffset(2026, 3, 29, 3, 30, 0, TimeSpan.FromHours(2)),
        }));
    }

    [TestCase(CsvDialect.Rfc4180)]
    [TestCase(CsvDialect.Spreadsheet)]
    public async Task WriteCsv_TextStartingWithAFormulaCharacter_IsQuotedAndNeutralised(CsvDialect dialect)
    {
        var request = ExportFixture.Request([ExportFixture.Hostile], [MetricCatalogue.Temperature], dialect: dialect);

        var bytes = await _fixture.ExportAsync(request);
        var text = Encoding.UTF8.GetString(bytes);
        var rows = ReadLong(bytes, dialect);
        var separator = CsvDialects.Separator(dialect);

        Assert.Multiple(() =>
        {
            Assert.That(rows.Single().Name, Is.EqualTo("'=HYPERLINK(\"http://x\";\"y\")"));
            Assert.That(text, Does.Contain($"{separator}\"'=HYPERLINK("));
            Assert.That(rows.Single().Reading.Value, Is.EqualTo(-3.25));
            Assert.That(text, Does.Contain($"{separator}-{(dialect == CsvDialect.Spreadsheet ? "3,25" : "3.25")}{separator}"));
            Assert.That(text, Does.Not.Contain("'-"));
        });
    }

    [Test]
    public async Task WriteCsv_Spreadsheet_StartsWithAUtf8ByteOrderMarkAndUsesSemicolons()
    {
        var request = ExportFixture.Request([ExportFixture.School], [MetricCatalogue.Pm2_5], dialect: CsvDialect.Spreadsheet);

        var bytes = await _fixture.ExportAsync(request);
        var header = Encoding.UTF8.GetString(bytes).Split("\r\n").First(line => !line.StartsWith('#') && !line.StartsWith('\uFEFF'));

        Assert.Multiple(() =>
        {
            Assert.That(bytes[..3], Is.EqualTo(new byte[] { 0xEF, 0xBB, 0xBF }));
            Assert.That(header, Is.EqualTo(string.Join(';', ExportCsv.LongHeader)));
        });
    }

    [Test]
    public async Task WriteCsv_Rfc4180_HasNoByteOrderMark()
    {
        var bytes = await _fixture.ExportAsync(ExportFixture.Request([ExportFixture.School], [MetricCatalogue.Pm2_5]));

        Assert.That((char)bytes[0], Is.EqualTo('#'));
    }

    [Test]
    public async Task WriteCsv_Always_StatesTheLicenceAndTheStationsInCommentLines()
    {
        var text = Encoding.UTF8.GetString(await _fixture.ExportAsync(ExportFixture.Request([ExportFixture.School, ExportFixture.Hostile], [MetricCatalogue.Pm2_5])));
        var comments = text.Split("\r\n").TakeWhile(line => line.StartsWith('#')).ToList();

        Assert.Multiple(() =>
        {
            Assert.That(comments[0], Is.EqualTo("# Licence: CC BY 4.0 <https://creativecommons.org/licenses/by/4.0/> - credit: MOCI Environmental Monitoring network"));
            Assert.That(comments, Has.Some.EqualTo("# Station rrg-school-01: Rrogozhina school roof - latitude 41.076 longitude 19.667 (WGS84) - air"));

            // Separators and quotes of a name would split the comment into cells, one of them a formula.
            Assert.That(comments, Has.Some.EqualTo("# Station evil-01: =HYPERLINK( http://x   y ) - latitude -41.5 longitude -19.25 (WGS84) - air"));
        });
    }

    [Test]
    public async Task WriteCsv_ExternalStation_StatesItsOwnLicence()
    {
        var external = ExportFixture.School with { Id = "sc-12345", Initiative = ExternalSource.SensorCommunity.Initiative };

        var text = Encoding.UTF8.GetString(await _fixture.ExportAsync(ExportFixture.Request([external], [MetricCatalogue.Pm2_5])));

        Assert.That(text, Does.Contain("# Stations sc-12345 are external: licence ODbL 1.0 (contents DbCL 1.0) <https://opendatacommons.org/licenses/odbl/1-0/>"));
    }

    [TestCase(CsvDialect.Rfc4180)]
    [TestCase(CsvDialect.Spreadsheet)]
    public async Task WriteCsvWide_OneRowPerInstant_WithAValueAndFlagsColumnPerSeries(CsvDialect dialect)
    {
        var request = ExportFixture.Request([ExportFixture.School], [MetricCatalogue.Temperature, MetricCatalogue.Pm2_5], layout: ExportLayout.Wide, dialect: dialect);

        using var csv = CsvReader.Create(await _fixture.ExportAsync(request), CsvDialects.ReaderOptions(dialect));
        var rows = new List<string[]>();
        while (csv.Read())
        {
            rows.Add(Enumerable.Range(0, csv.FieldCount).Select(csv.GetString).ToArray());
        }

        var culture = CsvDialects.Culture(dialect);
        string N(double value) => value.ToString(culture);
        Assert.Multiple(() =>
        {
            Assert.That(csv.Headers, Is.EqualTo(new[]
            {
                "timestamp_utc", "timestamp_local", "rrg-school-01 temperature [Cel]", "rrg-school-01 temperature flags", "rrg-school-01 pm2_5 [ug/m3]", "rrg-school-01 pm2_5 flags",
            }));
            Assert.That(rows.Select(r => r[2..]), Is.EqualTo(new[]
            {
                new[] { N(-5.2), "", "", "" },
                new[] { N(0.1 + 0.2), "out_of_range|clock_suspect", N(12.5), "" },
                new[] { "", "", N(950), "out_of_range" },
                new[] { N(-1e-7), "hub_timed", "", "" },
            }));
        });
    }

    [Test]
    public async Task WriteJsonLong_ParsedBack_EqualsTheStoredReadingsWithLicence()
    {
        var request = ExportFixture.Request([ExportFixture.School], [MetricCatalogue.Temperature], format: ExportFormat.Json);

        using var document = JsonDocument.Parse(await _fixture.ExportAsync(request));
        var root = document.RootElement;
        var rows = root.GetProperty("rows").EnumerateArray().ToList();

        Assert.Multiple(() =>
        {
            Assert.That(root.GetProperty("licence").GetProperty("name").GetString(), Is.EqualTo("CC BY 4.0"));
            Assert.That(root.GetProperty("stations")[0].GetProperty("latitude").GetDouble(), Is.EqualTo(41.076));
            Assert.That(rows.Select(r => r.GetProperty("value").GetDouble()), Is.EqualTo(new[] { -5.2, 0.1 + 0.2, -1e-7 }));
            Assert.That(rows.Select(r => r.GetProperty("timestampUtc").GetDateTimeOffset()), Is.EqualTo(new[] { T0.AddMinutes(30), T0.AddMinutes(60), T0.AddMinutes(90) }));
            Assert.That(rows[2].GetProperty("timestampLocal").GetString(), Is.EqualTo("2026-03-29T03:30:00+02:00"));
            Assert.That(rows[1].GetProperty("flags").GetString(), Is.EqualTo("out_of_range|clock_suspect"));
        });
    }

    [Test]
    public async Task WriteJsonWide_MissingValues_AreNull()
    {
        var request = ExportFixture.Request([ExportFixture.School], [MetricCatalogue.Temperature, MetricCatalogue.Pm2_5], format: ExportFormat.Json, layout: ExportLayout.Wide);

        using var document = JsonDocument.Parse(await _fixture.ExportAsync(request));
        var values = document.RootElement.GetProperty("rows").EnumerateArray()
            .Select(r => string.Join(",", r.GetProperty("values").EnumerateArray().Select(v => v.ValueKind == JsonValueKind.Null ? "null" : v.GetDouble().ToString(CultureInfo.InvariantCulture))))
            .ToList();

        Assert.That(values, Is.EqualTo(new[] { "-5.2,null", "0.30000000000000004,12.5", "null,950", "-1E-07,null" }));
    }

    [Test]
    public async Task Write_HalfOpenRange_LeavesOutTheEnd()
    {
        var request = ExportFixture.Request([ExportFixture.School], [MetricCatalogue.Temperature], from: T0.AddMinutes(30), to: T0.AddMinutes(90));

        var rows = ReadLong(await _fixture.ExportAsync(request), CsvDialect.Rfc4180);

        Assert.That(rows.Select(r => r.Reading.Timestamp), Is.EqualTo(new[] { T0.AddMinutes(30), T0.AddMinutes(60) }));
    }

    /// <summary>
    /// Two hours of minute readings of PM2.5 at the school besides the seeded ones: the first hour complete with one
    /// flagged value, the second with 30 minutes only (incomplete), and a value needing 17 digits.
    /// </summary>
    private async Task<SeriesPeriods> SeedHoursAsync(Resolution resolution)
    {
        var start = T0.AddHours(2);
        var readings = Enumerable.Range(0, 90)
            .Select(i => new Reading("rrg-school-01", "pm2_5", start.AddMinutes(i < 60 ? i : i + 30), i == 7 ? 0.1 + 0.2 : -2.5 + i, i == 13 ? QaFlags.OutOfRange : QaFlags.None))
            .ToArray();
        await _fixture.WriteAsync(readings);
        return await new SeriesQueries(_fixture.Store).PeriodsAsync("rrg-school-01", "pm2_5", resolution, new TimeRange(T0, T0.AddDays(1)));
    }

    [TestCase(CsvDialect.Rfc4180)]
    [TestCase(CsvDialect.Spreadsheet)]
    public async Task WriteCsvLong_Hours_ParsedBack_EqualsTheQueryServicePeriods(CsvDialect dialect)
    {
        var expected = await SeedHoursAsync(Resolution.Hour);
        var request = ExportFixture.Request([ExportFixture.School], [MetricCatalogue.Pm2_5], dialect: dialect) with { Resolution = Resolution.Hour };

        using var csv = CsvReader.Create(await _fixture.ExportAsync(request), CsvDialects.ReaderOptions(dialect));
        var rows = new List<PeriodSummary>();
        Assert.That(csv.Headers, Is.EqualTo(ExportPeriodsCsv.LongHeader));
        while (csv.Read())
        {
            Assert.That((csv.GetString(0), csv.GetString(4), csv.GetString(5), csv.GetString(11)), Is.EqualTo(("rrg-school-01", "pm2_5", "hour", "ug/m3")));
            var start = DateTimeOffset.Parse(csv.GetString(6), CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal);
            rows.Add(new PeriodSummary(
                start, start.AddHours(1), Number(csv, 8, dialect), Number(csv, 9, dialect), Number(csv, 10, dialect),
                (long)Number(csv, 12, dialect)!.Value, (long)Number(csv, 13, dialect)!.Value, Number(csv, 14, dialect), null, csv.GetString(15) == "1"));
        }

        Assert.That(expected.Periods.Select(p => p.Incomplete), Is.EqualTo(new[] { true, false, true }), "the seeded reading, a complete and an incomplete hour");
        Assert.That(rows, Is.EqualTo(expected.Periods));
    }

    [Test]
    public async Task WriteCsvWide_Days_ParsedBack_HasEachSeriesSummaryInItsColumns()
    {
        var expected = (await SeedHoursAsync(Resolution.Day)).Periods.Single();
        var request = ExportFixture.Request([ExportFixture.School], [MetricCatalogue.Pm2_5, MetricCatalogue.Temperature], layout: ExportLayout.Wide, dialect: CsvDialect.Spreadsheet) with { Resolution = Resolution.Day };

        using var csv = CsvReader.Create(await _fixture.ExportAsync(request), CsvDialects.ReaderOptions(CsvDialect.Spreadsheet));
        Assert.That(csv.Headers, Is.EqualTo(ExportPeriodsCsv.WideHeader(request)));
        Assert.That(csv.Headers[3], Is.EqualTo("rrg-school-01 pm2_5 mean [ug/m3]"));
        Assert.That(csv.Read(), Is.True);
        Assert.Multiple(() =>
        {
            Assert.That((csv.GetString(0), csv.GetString(2)), Is.EqualTo(("2026-03-29 00:00:00", "day")));
            Assert.That((Number(csv, 3, CsvDialect.Spreadsheet), Number(csv, 4, CsvDialect.Spreadsheet), Number(csv, 5, CsvDialect.Spreadsheet)), Is.EqualTo((expected.Mean, expected.Min, expected.Max)));
            Assert.That((Number(csv, 6, CsvDialect.Spreadsheet), Number(csv, 7, CsvDialect.Spreadsheet), Number(csv, 8, CsvDialect.Spreadsheet)), Is.EqualTo(((double?)expected.Count, (double?)expected.ValidCount, expected.Coverage)));
            Assert.That(csv.GetString(9), Is.EqualTo("1"), "one complete hour of 18: incomplete");
            Assert.That(Number(csv, 10, CsvDialect.Spreadsheet), Is.Null, "no mean for an incomplete day: the temperature's");
            Assert.That(Number(csv, 13, CsvDialect.Spreadsheet), Is.EqualTo(3), "the temperature's three readings");
        });
        Assert.That(csv.Read(), Is.False, "one day");
    }

    [Test]
    public async Task WriteJsonLong_Hours_ParsedBack_EqualsTheQueryServicePeriods()
    {
        var expected = await SeedHoursAsync(Resolution.Hour);
        var request = ExportFixture.Request([ExportFixture.School], [MetricCatalogue.Pm2_5], format: ExportFormat.Json) with { Resolution = Resolution.Hour };

        using var document = JsonDocument.Parse(await _fixture.ExportAsync(request));
        var root = document.RootElement;
        static double? Nullable(JsonElement row, string name) => row.GetProperty(name).ValueKind == JsonValueKind.Null ? null : row.GetProperty(name).GetDouble();
        var rows = root.GetProperty("rows").EnumerateArray().Select(row => new PeriodSummary(
            row.GetProperty("timestampUtc").GetDateTimeOffset(),
            row.GetProperty("endUtc").GetDateTimeOffset(),
            Nullable(row, "mean"),
            Nullable(row, "min"),
            Nullable(row, "max"),
            row.GetProperty("count").GetInt64(),
            row.GetProperty("validCount").GetInt64(),
            Nullable(row, "coverage"),
            null,
            row.GetProperty("incomplete").GetBoolean())).ToList();

        Assert.That(root.GetProperty("resolution").GetString(), Is.EqualTo("hour"));
        Assert.That(rows, Is.EqualTo(expected.Periods));
    }

    [Test]
    public async Task WriteJsonWide_Days_ParsedBack_HasEachSeriesPeriodInItsColumn()
    {
        var expected = (await SeedHoursAsync(Resolution.Day)).Periods.Single();
        var request = ExportFixture.Request([ExportFixture.School], [MetricCatalogue.Pm2_5, MetricCatalogue.Temperature], format: ExportFormat.Json, layout: ExportLayout.Wide) with { Resolution = Resolution.Day };

        using var document = JsonDocument.Parse(await _fixture.ExportAsync(request));
        var root = document.RootElement;
        var row = root.GetProperty("rows").EnumerateArray().Single();
        var pm = row.GetProperty("periods")[0];
        var temperature = row.GetProperty("periods")[1];

        Assert.Multiple(() =>
        {
            Assert.That((root.GetProperty("layout").GetString(), root.GetProperty("resolution").GetString()), Is.EqualTo(("wide", "day")));
            Assert.That(root.GetProperty("columns").EnumerateArray().Select(c => c.GetProperty("metric").GetString()), Is.EqualTo(new[] { "pm2_5", "temperature" }));
            Assert.That(row.GetProperty("timestampUtc").GetDateTimeOffset(), Is.EqualTo(T0));
            Assert.That(pm.GetProperty("mean").ValueKind, Is.EqualTo(JsonValueKind.Null), "one complete hour of 18: no mean");
            Assert.That((pm.GetProperty("min").GetDouble(), pm.GetProperty("max").GetDouble()), Is.EqualTo((expected.Min!.Value, expected.Max!.Value)));
            Assert.That((pm.GetProperty("count").GetInt64(), pm.GetProperty("validCount").GetInt64(), pm.GetProperty("validHours").GetInt32()), Is.EqualTo((expected.Count, expected.ValidCount, expected.ValidHours!.Value)));
            Assert.That((pm.GetProperty("coverage").GetDouble(), pm.GetProperty("incomplete").GetBoolean()), Is.EqualTo((expected.Coverage!.Value, true)));
            Assert.That(temperature.GetProperty("count").GetInt64(), Is.EqualTo(3), "the temperature's three readings");
        });
    }

    /// <summary>A number field of the dialect's culture, or null when empty.</summary>
    private static double? Number(CsvReader csv, int index, CsvDialect dialect) =>
        csv.GetString(index) is { Length: > 0 } text ? double.Parse(text, NumberStyles.Float, CsvDialects.Culture(dialect)) : null;

    private sealed record LongRow(Reading Reading, string Name, double Latitude, double Longitude, DateTimeOffset Local, string Unit, int Validity);

    /// <summary>Reads a long CSV export back with CsvHelper, as another program would.</summary>
    private static List<LongRow> ReadLong(byte[] bytes, CsvDialect dialect)
    {
        using var csv = CsvReader.Create(bytes, CsvDialects.ReaderOptions(dialect));
        Assert.That(csv.Headers, Is.EqualTo(ExportCsv.LongHeader));
        var rows = new List<LongRow>();
        var culture = CsvDialects.Culture(dialect);
        while (csv.Read())
        {
            var flags = csv.GetString(9).Split('|', StringSplitOptions.RemoveEmptyEntries)
                .Select(name => name switch { "out_of_range" => QaFlags.OutOfRange, "clock_suspect" => QaFlags.ClockSuspect, "hub_timed" => QaFlags.HubTimed, _ => throw new FormatException(name) })
                .Aggregate(QaFlags.None, (all, flag) => all | flag);
            var utc = DateTimeOffset.Parse(csv.GetString(5), CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal);
            var local = dialect == CsvDialect.Rfc4180
                ? DateTimeOffset.Parse(csv.GetString(6), CultureInfo.InvariantCulture)
                : new DateTimeOffset(DateTime.Parse(csv.GetString(6), CultureInfo.InvariantCulture), ExportFixture.Tirane.GetUtcOffset(utc));
            rows.Add(new LongRow(
                new Reading(csv.GetString(0), csv.GetString(4), utc, csv.Parse<double>(7), flags),
                csv.GetString(1),
                csv.Parse<double>(2),
                csv.Parse<double>(3),
                local,
                csv.GetString(8),
                csv.Parse<int>(10)));
            Assert.That(csv.Parse<double>(7, culture), Is.EqualTo(rows[^1].Reading.Value));
        }

        return rows;
    }
}
