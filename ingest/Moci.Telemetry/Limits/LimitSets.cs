using System.Collections.Frozen;
using System.Diagnostics.CodeAnalysis;

namespace Moci.Telemetry.Limits;

/// <summary>
/// The limit sets the hub compares against, by id. Ids are never reused for other values. Thread-safe: immutable.
/// </summary>
public static class LimitSets
{
    /// <summary>Directive 2008/50/EC, Annex XI (and XIV, VII): the EU health limits in force until 11 December 2026.</summary>
    public static LimitSet Eu2008 { get; } = Eu2008LimitSet.Create();

    /// <summary>Directive (EU) 2024/2881, Annex I: the EU limits to be attained by 1 January 2030.</summary>
    public static LimitSet Eu2030 { get; } = Eu2030LimitSet.Create();

    /// <summary>WHO global air quality guidelines 2021: guideline levels and interim targets.</summary>
    public static LimitSet Who2021 { get; } = Who2021LimitSet.Create();

    /// <summary>Every set, oldest first.</summary>
    public static IReadOnlyList<LimitSet> All { get; } = [Eu2008, Eu2030, Who2021];

    private static readonly FrozenDictionary<string, LimitSet> ById =
        All.ToFrozenDictionary(s => s.Id, StringComparer.Ordinal);

    /// <summary>The known ids, comma-separated, for messages: "eu2008, eu2030, who2021".</summary>
    public static string KnownIds { get; } = string.Join(", ", All.Select(s => s.Id));

    /// <summary>Finds a set by id (case-sensitive, as in the API).</summary>
    public static bool TryGet(string? id, [NotNullWhen(true)] out LimitSet? set)
    {
        set = null;
        return id is not null && ById.TryGetValue(id, out set);
    }

    /// <summary>The set with <paramref name="id"/>.</summary>
    /// <exception cref="ArgumentException">No set has that id; the message lists the known ones.</exception>
    public static LimitSet Get(string id) =>
        TryGet(id, out var set)
            ? set
            : throw new ArgumentException($"unknown limit set '{id}'; known limit sets: {KnownIds}", nameof(id));
}
