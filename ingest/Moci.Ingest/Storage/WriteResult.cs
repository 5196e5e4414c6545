namespace Moci.Ingest.Storage;

/// <summary>
/// What a write did with each reading: newly stored, already present with the same value and flags (a
/// duplicate, for example a redelivery), or present with another value or flags (a conflict: the first
/// stays). <c>Inserted + Duplicates + Conflicts.Count</c> is the number of readings written.
/// <para>
/// Only a store that looks up each key before it writes can tell these apart (<see cref="SqliteReadingStore"/>
/// does). A store that overwrites a point with the same key, as InfluxDB does, cannot: its result is
/// <see cref="Unclassified"/>, <see cref="DuplicatesKnown"/> is false, <see cref="Inserted"/> counts every reading
/// written (new or overwriting) and <see cref="KnownDuplicates"/> is null. Read <see cref="Duplicates"/> and
/// <see cref="Conflicts"/> as "none" only when <see cref="DuplicatesKnown"/> is true.
/// </para>
/// </summary>
/// <param name="Inserted">Readings newly stored; for an unclassified write, every reading written.</param>
/// <param name="Duplicates">Readings identical to one already stored; 0 for an unclassified write, which cannot tell.</param>
public readonly record struct WriteResult(int Inserted, int Duplicates)
{
    private readonly IReadOnlyList<ReadingConflict>? _conflicts;

    // Inverted so that default(WriteResult) and every result SQLite builds keep meaning "classified".
    private bool IsUnclassified { get; init; }

    /// <summary>Readings not stored because their key holds another value or flags, in the order written.</summary>
    public IReadOnlyList<ReadingConflict> Conflicts
    {
        get => _conflicts ?? [];
        init => _conflicts = value is { Count: > 0 } ? value : null;
    }

    /// <summary>
    /// True when the store told new readings from duplicates and conflicts; false when it cannot (it overwrote
    /// whatever the key held), so that zero duplicates and no conflicts mean "not known", not "none".
    /// </summary>
    public bool DuplicatesKnown => !IsUnclassified;

    /// <summary>The duplicates, or null when the store cannot tell them from new readings.</summary>
    public int? KnownDuplicates => IsUnclassified ? null : Duplicates;

    /// <summary>The conflicts, or null when the store cannot tell them from new readings.</summary>
    public int? KnownConflicts => IsUnclassified ? null : Conflicts.Count;

    /// <summary>Readings the write took: stored, duplicates and conflicts together.</summary>
    public int Written => Inserted + Duplicates + Conflicts.Count;

    /// <summary>
    /// The result of a store that writes every reading without knowing what the key held before (InfluxDB
    /// overwrites a point with the same measurement, tags and time): <paramref name="written"/> readings taken,
    /// duplicates and conflicts not known.
    /// </summary>
    /// <param name="written">Readings written, at least 0.</param>
    public static WriteResult Unclassified(int written)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(written);
        return new WriteResult(written, 0) { IsUnclassified = true };
    }
}
