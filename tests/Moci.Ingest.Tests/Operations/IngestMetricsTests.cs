using System.Diagnostics.Metrics;
using Microsoft.Extensions.DependencyInjection;
using Moci.Ingest.Broker;
using Moci.Ingest.Intake;
using Moci.Ingest.Operations;

namespace Moci.Ingest.Tests.Operations;

public sealed class IngestMetricsTests
{
    [Test]
    public void Observe_StoreThatClassifiesItsWrites_ReportsDuplicatesAndConflicts()
    {
        var counters = new IngestCounters();
        counters.Committed(stored: 7, duplicates: 2, conflicts: 1, deadLetters: 1);

        var measured = Observe(counters);

        Assert.That(measured, Does.ContainKey("moci.readings.duplicates").WithValue(2L));
        Assert.That(measured, Does.ContainKey("moci.readings.conflicts").WithValue(1L));
        Assert.That(measured, Does.ContainKey("moci.readings.stored").WithValue(7L));
        Assert.That(measured, Does.ContainKey("moci.readings.unclassified").WithValue(0L));
    }

    // InfluxDB overwrites a point with the same key, so nobody knows how many writes were duplicates: the hub must not
    // say "0 duplicates".
    [Test]
    public void Observe_StoreThatCannotClassifyItsWrites_LeavesDuplicatesAndConflictsUnreportedAndCountsTheWritesApart()
    {
        var counters = new IngestCounters();
        counters.CommittedUnclassified(written: 10, deadLetters: 0);

        var measured = Observe(counters);

        Assert.That(measured, Does.Not.ContainKey("moci.readings.duplicates"));
        Assert.That(measured, Does.Not.ContainKey("moci.readings.conflicts"));
        Assert.That(measured, Does.ContainKey("moci.readings.unclassified").WithValue(10L));
        Assert.That(counters.Snapshot().ReadingsStored, Is.Zero);
    }

    private static Dictionary<string, long> Observe(IngestCounters counters)
    {
        using var services = new ServiceCollection().AddMetrics().BuildServiceProvider();
        using var metrics = new IngestMetrics(services.GetRequiredService<IMeterFactory>(), counters, new BrokerCounters(), new IntakeQueue(Microsoft.Extensions.Options.Options.Create(new Moci.Ingest.Options.StorageOptions())));
        var measured = new Dictionary<string, long>();
        using var listener = new MeterListener();
        listener.InstrumentPublished = (instrument, l) =>
        {
            if (instrument.Meter.Name == IngestMetrics.MeterName)
            {
                l.EnableMeasurementEvents(instrument);
            }
        };
        listener.SetMeasurementEventCallback<long>((instrument, value, _, _) =>
            measured[instrument.Name] = measured.GetValueOrDefault(instrument.Name) + value);
        listener.Start();
        listener.RecordObservableInstruments();
        return measured;
    }
}
