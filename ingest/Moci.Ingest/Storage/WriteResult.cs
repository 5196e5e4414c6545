namespace Moci.Ingest.Storage;

/// <summary>What a write did: readings newly stored, and readings already present under the same key.</summary>
public readonly record struct WriteResult(int Inserted, int Duplicates);
