namespace Moci.Ingest.Apis;

/// <summary>Readings of one series in the half-open range [From, To), streamed.</summary>
public sealed record ReadingsResponse(string Station, string Metric, string Unit, DateTimeOffset From, DateTimeOffset To, IAsyncEnumerable<ReadingValue> Readings)
{
    /// <summary>Always <c>raw</c>: one entry per stored reading (see <see cref="PeriodsResponse"/> for hours and days).</summary>
    public string Resolution => "raw";
}
