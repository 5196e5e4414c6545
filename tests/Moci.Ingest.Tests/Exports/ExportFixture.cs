using Moci.Ingest.Exports;
using Moci.Ingest.Stations;
using Moci.Ingest.Storage;
using Moci.Ingest.Tests.Support;
using Moci.Telemetry.Metrics;
using Moci.Telemetry.Readings;
using Moci.Telemetry.Stations;

namespace Moci.Ingest.Tests.Exports;

/// <summary>A real store in a temp folder, two stations and a writer with the default licence, for export tests.</summary>
internal sealed class ExportFixture : IDisposable
{
    public static readonly DateTimeOffset T0 = new(2026, 3, 29, 0, 0, 0, TimeSpan.Zero);

    public static readonly Station School = new("rrg-school-01", "Rrogozhina school roof", StationKind.Air, 41.076, 19.667, null);

    /// <summary>A station whose name a spreadsheet would run as a formula.</summary>
    public static readonly Station Hostile = new("evil-01", "=HYPERLINK(\"http://x\";\"y\")", StationKind.Air, -41.5, -19.25, null);

    private readonly TempDirectory _folder = new();

    public ExportFixture()
    {
        Store = new SqliteReadingStore(_folder.File("hub.db"));
        Writer = new ExportWriter(Store, new ExportNotice(new ExportOptions()));
    }

    public SqliteReadingStore Store { get; }

    public ExportWriter Writer { get; }

    public string DatabasePath => Store.DatabasePath;

    public static TimeZoneInfo Tirane => TimeZoneInfo.FindSystemTimeZoneById("Europe/Tirane");

    public static ExportRequest Request(
        IReadOnlyList<Station> stations,
        IReadOnlyList<Metric> metrics,
        ExportFormat format = ExportFormat.Csv,
        ExportLayout layout = ExportLayout.Long,
        CsvDialect dialect = CsvDialect.Rfc4180,
        DateTimeOffset? from = null,
        DateTimeOffset? to = null) =>
        new(stations, metrics, from ?? T0, to ?? T0.AddDays(1), format, layout, dialect, Tirane);

    public Task WriteAsync(params Reading[] readings) => Store.WriteAsync(readings);

    public async Task<byte[]> ExportAsync(ExportRequest request)
    {
        using var stream = new MemoryStream();
        await Writer.WriteAsync(stream, request);
        return stream.ToArray();
    }

    public void Dispose()
    {
        Store.Dispose();
        _folder.Dispose();
    }
}
