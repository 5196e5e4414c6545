using System.Collections;
using System.Numerics;
using System.Runtime.CompilerServices;

namespace Moci.Ingest.Queries;

/// <summary>
/// The periods of one answer of <see cref="SeriesQueries.PeriodsAsync"/>, kept in chunks that each stay under the
/// runtime's large object threshold (85 000 bytes). A year of hours in one array (630 KB; 1.1 MB before PeriodSummary
/// was made smaller) goes to the large object heap for every call: each such allocation is zeroed or freshly committed
/// memory and counts towards a full (generation 2) collection, one every four calls, which cost more than reading the
/// 8 760 rollups. Chunks of generation 0 reuse memory the collector already holds, and the list never copies what it has
/// when it grows. Not thread-safe while it is filled; read-only (and safe to read from any thread) once handed out.
/// </summary>
internal sealed class PeriodList : IReadOnlyList<PeriodSummary>
{
    /// <summary>Periods a chunk holds: a power of two (an index splits with a shift and a mask), below the large object threshold.</summary>
    public static readonly int ChunkLength = 1 << BitOperations.Log2((uint)(80_000 / Unsafe.SizeOf<PeriodSummary>()));

    private static readonly int ChunkShift = BitOperations.Log2((uint)ChunkLength);

    private readonly List<PeriodSummary[]> _chunks = [];
    private readonly int _capacity;
    private PeriodSummary[] _last = [];
    private int _count;

    /// <param name="capacity">
    /// The periods expected, at most (those of the range asked for): the last chunk is no longer than they need, so that
    /// a day of hours takes 24 entries, not a whole chunk. More may be added; the last chunk then grows.
    /// </param>
    public PeriodList(int capacity)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(capacity);
        _capacity = capacity;
    }

    public int Count => _count;

    /// <exception cref="ArgumentOutOfRangeException"><paramref name="index"/> is negative or not below <see cref="Count"/>.</exception>
    public PeriodSummary this[int index]
    {
        get
        {
            ArgumentOutOfRangeException.ThrowIfNegative(index);
            ArgumentOutOfRangeException.ThrowIfGreaterThanOrEqual(index, _count);
            return _chunks[index >> ChunkShift][index & (ChunkLength - 1)];
        }
    }

    /// <summary>Appends <paramref name="period"/> after the periods added before.</summary>
    public void Add(in PeriodSummary period)
    {
        var offset = _count & (ChunkLength - 1);
        if (offset == 0)
        {
            _last = new PeriodSummary[Math.Clamp(_capacity - _count, 1, ChunkLength)];
            _chunks.Add(_last);
        }
        else if (offset == _last.Length)
        {
            // More periods than the capacity said: only the last chunk can be short, and it grows up to a whole one.
            Array.Resize(ref _last, Math.Min(ChunkLength, 2 * offset));
            _chunks[^1] = _last;
        }

        _last[offset] = period;
        _count++;
    }

    public IEnumerator<PeriodSummary> GetEnumerator()
    {
        for (var i = 0; i < _count; i++)
        {
            yield return _chunks[i >> ChunkShift][i & (ChunkLength - 1)];
        }
    }

    IEnumerator IEnumerable.GetEnumerator() => GetEnumerator();
}
