using Moci.Ingest.Exports;
using Moci.Ingest.Tests.Support;
using Moci.Telemetry.Metrics;

namespace Moci.Ingest.Tests.Exports;

/// <summary>
/// An export streams: its memory does not grow with its size. Asserts memory (heap and bytes allocated per row),
/// never time.
/// </summary>
public sealed class ExportWriterMemoryTests
{
    private const long SmallRows = 250_000;
    private const long LargeRows = 2_000_000;

    // A writer that buffered rows would hold at least a Reading (about 64 bytes) per row: 2 M rows are over
    // 120 MB. The bound leaves room for the collector's youngest generation, which grows before it is swept.
    private const long HeapGrowthBound = 48L * 1024 * 1024;

    private ExportFixture _fixture = null!;

    [OneTimeSetUp]
    public void Seed()
    {
        _fixture = new ExportFixture();
        BulkReadings.Seed(_fixture.DatabasePath, "rrg-school-01", "pm10", ExportFixture.T0, TimeSpan.FromSeconds(5), SmallRows);
        BulkReadings.Seed(_fixture.DatabasePath, "rrg-school-01", "pm2_5", ExportFixture.T0, TimeSpan.FromSeconds(5), LargeRows);
    }

    [OneTimeTearDown]
    public void Dispose() => _fixture.Dispose();

    [TestCase(ExportFormat.Csv, ExportLayout.Long)]
    [TestCase(ExportFormat.Csv, ExportLayout.Wide)]
    [TestCase(ExportFormat.Json, ExportLayout.Long)]
    public async Task Write_MillionsOfRows_HeapStaysFlatAndAllocationPerRowBounded(ExportFormat format, ExportLayout layout)
    {
        var small = await MeasureAsync(MetricCatalogue.Pm10, format, layout);
        var large = await MeasureAsync(MetricCatalogue.Pm2_5, format, layout);

        Assert.Multiple(() =>
        {
            Assert.That(small.Rows, Is.EqualTo(SmallRows));
            Assert.That(large.Rows, Is.EqualTo(LargeRows));
            Assert.That(large.HeapGrowth, Is.LessThan(HeapGrowthBound), "heap growth over the baseline while writing 2 M rows");
            Assert.That(large.HeapGrowth, Is.LessThan(small.HeapGrowth + (16L * 1024 * 1024)), "8 times the rows must not need more memory");

            // The reading object and the async step of each row; nothing that keeps growing.
            Assert.That(large.AllocatedBytes / (double)large.Rows, Is.LessThan(160), "bytes allocated per row");
        });
    }

    private async Task<(long Rows, long HeapGrowth, long AllocatedBytes)> MeasureAsync(Metric metric, ExportFormat format, ExportLayout layout)
    {
        var request = ExportFixture.Request([ExportFixture.School], [metric], format, layout, from: ExportFixture.T0, to: ExportFixture.T0.AddYears(1));
        GC.Collect();
        GC.WaitForPendingFinalizers();
        var baseline = GC.GetTotalMemory(true);
        var allocatedBefore = GC.GetTotalAllocatedBytes(true);
        var sink = new MemoryWatchingStream();

        var rows = await _fixture.Writer.WriteAsync(sink, request);

        var allocated = GC.GetTotalAllocatedBytes(true) - allocatedBefore;
        TestContext.Out.WriteLine($"{metric.Name} {format} {layout}: {rows} rows, {sink.Length64 / 1e6:F1} MB written, heap peak +{(sink.PeakHeapBytes - baseline) / 1e6:F1} MB, {allocated / (double)rows:F0} B/row allocated");
        Assert.That(sink.Length64, Is.GreaterThan(rows * 20), "the rows went out");
        return (rows, sink.PeakHeapBytes - baseline, allocated);
    }
}
