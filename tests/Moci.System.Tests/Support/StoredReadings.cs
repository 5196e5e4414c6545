namespace Moci.SystemTests.Support;

/// <summary>What a hub stored, compared with what a <see cref="StationFleet"/> sent.</summary>
public static class StoredReadings
{
    /// <summary>
    /// Compares, per station and metric, the readings <paramref name="ingest"/> serves in the week from
    /// <paramref name="start"/> with those the stations sent: each time once with the value sent, none missing, none
    /// extra. Returns how many readings it served in all.
    /// </summary>
    public static async Task<long> AssertEachStoredOnceAsync(StationFleet fleet, ChildProcess ingest, DateTimeOffset start)
    {
        var sent = fleet.Sent;
        var problems = new List<string>();
        long stored = 0;
        foreach (var series in sent.GroupBy(r => (r.StationId, r.Metric)))
        {
            var readings = await IngestApi.ReadingsAsync(ingest, series.Key.StationId, series.Key.Metric, start, start.AddDays(7));
            stored += readings.Count;
            var expected = series.ToDictionary(r => r.Timestamp, r => r.Value);
            var times = readings.CountBy(r => r.Timestamp).ToDictionary();
            var missing = expected.Keys.Where(t => !times.ContainsKey(t)).ToList();
            var extra = times.Keys.Where(t => !expected.ContainsKey(t)).ToList();
            var repeated = times.Where(t => t.Value > 1).Select(t => t.Key).ToList();
            var changed = readings.Where(r => expected.TryGetValue(r.Timestamp, out var value) && r.Value != value).Select(r => r.Timestamp).ToList();
            if (missing.Count + extra.Count + repeated.Count + changed.Count > 0)
            {
                problems.Add($"{series.Key.StationId}/{series.Key.Metric}: {missing.Count} missing {First(missing)}, {extra.Count} extra {First(extra)}, " +
                             $"{repeated.Count} more than once {First(repeated)}, {changed.Count} with another value {First(changed)}");
            }
        }

        Assert.That(problems, Is.Empty, "every reading sent is stored once as sent");
        Assert.That(stored, Is.EqualTo(sent.Count));
        return stored;

        static string First(List<DateTimeOffset> times) => times.Count == 0 ? "" : $"(first {times.Min():O})";
    }
}
