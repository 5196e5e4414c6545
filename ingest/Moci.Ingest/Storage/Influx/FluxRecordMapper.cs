using InfluxDB.Client;
using InfluxDB.Client.Api.Domain;
using InfluxDB.Client.Core.Flux.Domain;
using InfluxDB.Client.Writes;

namespace Moci.Ingest.Storage.Influx;

/// <summary>
/// Hands the client's parsed annotated-CSV records through unchanged, so that a query can be streamed with
/// <c>QueryAsyncEnumerable&lt;FluxRecord&gt;</c> (the client maps records to a type through a mapper, and the
/// store reads the columns itself). Thread-safe: stateless.
/// </summary>
internal sealed class FluxRecordMapper : IDomainObjectMapper
{
    public static readonly FluxRecordMapper Instance = new();

    public T ConvertToEntity<T>(FluxRecord fluxRecord) => (T)ConvertToEntity(fluxRecord, typeof(T));

    public object ConvertToEntity(FluxRecord fluxRecord, Type type) =>
        type.IsAssignableFrom(typeof(FluxRecord)) ? fluxRecord : throw new NotSupportedException($"records are read as {nameof(FluxRecord)}, not {type.Name}");

    public PointData ConvertToPointData<T>(T entity, WritePrecision precision) =>
        throw new NotSupportedException("the store writes points it builds itself");
}
