using System.Globalization;
using Moci.Ingest.Exports;

namespace Moci.Ingest.Tests.Exports;

public sealed class TimestampTextTests
{
    private static IEnumerable<DateTimeOffset> Instants()
    {
        var random = new Random(20261126);
        var span = new DateTimeOffset(2100, 1, 1, 0, 0, 0, TimeSpan.Zero).ToUnixTimeMilliseconds();
        for (var i = 0; i < 5_000; i++)
        {
            yield return DateTimeOffset.FromUnixTimeMilliseconds(random.NextInt64(span));
        }
    }

    [TestCase(CsvDialect.Rfc4180)]
    [TestCase(CsvDialect.Spreadsheet)]
    public void Utc_RandomInstants_EqualsTheDialectsFormat(CsvDialect dialect)
    {
        var buffer = new char[TimestampText.MaxLength];

        var wrong = Instants()
            .Where(instant => new string(buffer, 0, TimestampText.Utc(instant, dialect, buffer)) != instant.UtcDateTime.ToString(CsvDialects.UtcFormat(dialect), CultureInfo.InvariantCulture))
            .ToList();

        Assert.That(wrong, Is.Empty);
    }

    [TestCase(CsvDialect.Rfc4180, 1, 0)]
    [TestCase(CsvDialect.Rfc4180, -9, -30)]
    [TestCase(CsvDialect.Rfc4180, 5, 45)]
    [TestCase(CsvDialect.Rfc4180, 0, 0)]
    [TestCase(CsvDialect.Spreadsheet, 2, 0)]
    public void Local_RandomInstantsAndOffsets_EqualsTheDialectsFormat(CsvDialect dialect, int hours, int minutes)
    {
        var buffer = new char[TimestampText.MaxLength];
        var offset = new TimeSpan(hours, minutes, 0);

        var wrong = Instants()
            .Select(instant => instant.ToOffset(offset))
            .Where(local => new string(buffer, 0, TimestampText.Local(local, dialect, buffer)) != local.ToString(CsvDialects.LocalFormat(dialect), CultureInfo.InvariantCulture))
            .ToList();

        Assert.That(wrong, Is.Empty);
    }
}
