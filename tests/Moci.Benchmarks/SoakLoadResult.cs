namespace Moci.Benchmarks;

/// <summary>What a load process reports after the run, passed to the benchmark through a binary file.</summary>
/// <param name="Stations">Each of its stations.</param>
/// <param name="SlipMaxSeconds">Per minute, how late the latest hand-over of a batch to its station was against the timetable.</param>
/// <param name="SlipSumSeconds">Per minute, the sum of those delays.</param>
/// <param name="SlipCount">Per minute, the hand-overs.</param>
internal sealed record SoakLoadResult(IReadOnlyList<SoakStationResult> Stations, double[] SlipMaxSeconds, double[] SlipSumSeconds, long[] SlipCount)
{
    public static void Write(string path, IReadOnlyList<SoakStation> stations, SoakSlips slips)
    {
        using var writer = new BinaryWriter(File.Create(path));
        writer.Write(stations.Count);
        foreach (var station in stations)
        {
            var (published, lags) = station.Results();
            writer.Write(station.Id);
            writer.Write(station.Index);
            writer.Write(station.Resent);
            writer.Write(station.PublishFailures);
            writer.Write(station.Disconnects);
            writer.Write(station.NeverPublished);
            writer.Write(published.Length);
            for (var i = 0; i < published.Length; i++)
            {
                writer.Write(published[i]);
                writer.Write(lags[i]);
            }
        }

        var (max, sum, count) = slips.Snapshot();
        writer.Write(max.Length);
        for (var m = 0; m < max.Length; m++)
        {
            writer.Write(max[m]);
            writer.Write(sum[m]);
            writer.Write(count[m]);
        }
    }

    public static SoakLoadResult Read(string path)
    {
        using var reader = new BinaryReader(File.OpenRead(path));
        var stations = new SoakStationResult[reader.ReadInt32()];
        for (var s = 0; s < stations.Length; s++)
        {
            var (id, index, resent, failures, disconnects, neverPublished) = (reader.ReadString(), reader.ReadInt32(), reader.ReadInt32(), reader.ReadInt32(), reader.ReadInt32(), reader.ReadInt32());
            var published = new float[reader.ReadInt32()];
            var lags = new float[published.Length];
            for (var i = 0; i < published.Length; i++)
            {
                published[i] = reader.ReadSingle();
                lags[i] = reader.ReadSingle();
            }

            stations[s] = new SoakStationResult(id, index, published, lags, resent, failures, disconnects, neverPublished);
        }

        var minutes = reader.ReadInt32();
        var (slipMax, slipSum, slipCount) = (new double[minutes], new double[minutes], new long[minutes]);
        for (var m = 0; m < minutes; m++)
        {
            (slipMax[m], slipSum[m], slipCount[m]) = (reader.ReadDouble(), reader.ReadDouble(), reader.ReadInt64());
        }

        return new SoakLoadResult(stations, slipMax, slipSum, slipCount);
    }
}
