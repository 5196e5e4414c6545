namespace Moci.Ingest.Options;

/// <summary>Which store keeps the readings (<c>Storage:Kind</c>).</summary>
public enum StorageKind
{
    /// <summary>The hub's SQLite file (<c>Storage:DatabasePath</c>), beside the registry and the dead letters. The default.</summary>
    Sqlite,

    /// <summary>An InfluxDB 2.x bucket (<c>Storage:InfluxDB</c>); the registry and the dead letters stay in the SQLite file.</summary>
    InfluxDB,
}
