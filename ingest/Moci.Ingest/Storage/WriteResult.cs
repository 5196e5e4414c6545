namespace Moci.Ingest.Storage;

/// <summary>
/// What a write did with each reading: newly stored, already present with the same value and flags (a
/// duplicate, for example a redelivery), or present with another value or flags (a conflict: the first
/// stays). <c>Inserted + Duplicates + Conflicts.Count</c> is the number of readings written.
/// </summary>
/// <param name="Inserted">Readings newly stored.</param>
/// <param name="Duplicates">Readings identical to one already stored.</param>
public readonly record struct WriteResult(int Inserted, int Duplicates)
{
    private readonly IReadOnlyList<ReadingConflict>? _conflicts;

    /// <summary>Readings not stored because their key holds another value or flags, in the order written.</summary>
    public IReadOnlyList<ReadingConflict> Conflicts
    {
        get => _conflicts ?? [];
        init => _conflicts = value is { Count: > 0 } ? value : null;
    }
}
