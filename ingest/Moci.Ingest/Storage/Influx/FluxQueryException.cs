namespace Moci.Ingest.Storage.Influx;

/// <summary>A Flux answer that cannot be read as the store asked for it, or that reports the query failed.</summary>
public sealed class FluxQueryException(string message) : Exception(message);
