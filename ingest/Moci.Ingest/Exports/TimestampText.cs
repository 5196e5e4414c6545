namespace Moci.Ingest.Exports;

/// <summary>
/// Writes the time columns of a CSV export without a format string: parsing a custom format for every field
/// costs more than the rest of the row's time fields together. The text equals <see cref="CsvDialects.UtcFormat"/>
/// and <see cref="CsvDialects.LocalFormat"/> applied with the invariant culture. It starts with a digit of the year,
/// so a spreadsheet never takes it for a formula. Thread-safe: stateless.
/// </summary>
internal static class TimestampText
{
    /// <summary>Longest text written, in characters.</summary>
    public const int MaxLength = 29;

    /// <summary>The UTC column: <c>2026-11-24T06:00:00.000Z</c>, or <c>2026-11-24 06:00:00</c> in the spreadsheet dialect.</summary>
    public static int Utc(DateTimeOffset instant, CsvDialect dialect, Span<char> destination)
    {
        var length = DateAndTime(instant.UtcDateTime, dialect, destination);
        if (dialect == CsvDialect.Spreadsheet)
        {
            return length;
        }

        destination[length] = 'Z';
        return length + 1;
    }

    /// <summary>The local column: <c>2026-11-24T07:00:00.000+01:00</c>, or <c>2026-11-24 07:00:00</c> in the spreadsheet dialect.</summary>
    public static int Local(DateTimeOffset local, CsvDialect dialect, Span<char> destination)
    {
        var length = DateAndTime(local.DateTime, dialect, destination);
        if (dialect == CsvDialect.Spreadsheet)
        {
            return length;
        }

        var offset = (int)local.Offset.TotalMinutes;
        destination[length] = offset < 0 ? '-' : '+';
        offset = Math.Abs(offset);
        Digits(offset / 60, 2, destination[(length + 1)..]);
        destination[length + 3] = ':';
        Digits(offset % 60, 2, destination[(length + 4)..]);
        return length + 6;
    }

    /// <summary><c>yyyy-MM-ddTHH:mm:ss.fff</c> or <c>yyyy-MM-dd HH:mm:ss</c>.</summary>
    private static int DateAndTime(DateTime time, CsvDialect dialect, Span<char> destination)
    {
        Digits(time.Year, 4, destination);
        destination[4] = '-';
        Digits(time.Month, 2, destination[5..]);
        destination[7] = '-';
        Digits(time.Day, 2, destination[8..]);
        destination[10] = dialect == CsvDialect.Spreadsheet ? ' ' : 'T';
        Digits(time.Hour, 2, destination[11..]);
        destination[13] = ':';
        Digits(time.Minute, 2, destination[14..]);
        destination[16] = ':';
        Digits(time.Second, 2, destination[17..]);
        if (dialect == CsvDialect.Spreadsheet)
        {
            return 19;
        }

        destination[19] = '.';
        Digits(time.Millisecond, 3, destination[20..]);
        return 23;
    }

    private static void Digits(int value, int count, Span<char> destination)
    {
        for (var i = count - 1; i >= 0; i--)
        {
            destination[i] = (char)('0' + (value % 10));
            value /= 10;
        }
    }
}
