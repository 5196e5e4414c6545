using SQLitePCL;

namespace Moci.Ingest.Storage;

/// <summary>
/// The rollups of one series whose period starts in [<c>from</c>, <c>to</c>) (Unix milliseconds), oldest first, read
/// through SQLite's C API on a handle of <see cref="SqliteReadHandles"/> (<see cref="SqliteReadingStore.ReadRollupsAsync"/>).
/// Each enumeration rents a handle at its first step and gives it back when it is disposed. A row is stepped on the
/// caller's thread inside <see cref="MoveNextAsync"/>, which completes synchronously: a compiler-generated async
/// iterator saves and restores the execution context and completes a value-task source for every row, which for a
/// year of hourly rollups (8 760 rows) cost as much as a tenth of reading them. Not thread-safe: one enumeration is
/// used by one caller at a time, as any enumerator.
/// </summary>
internal sealed class SqliteRollupReader : IAsyncEnumerable<Rollup>, IAsyncEnumerator<Rollup>
{
    private readonly SqliteReadHandles _handles;
    private readonly RollupPeriod _period;
    private readonly string _stationId;
    private readonly string _metric;
    private readonly long _from;
    private readonly long _to;
    private readonly Action<RollupPeriod, long> _counted;
    private readonly CancellationToken _cancellationToken;
    private CancellationToken _token;
    private CancellationTokenSource? _linked;
    private int _enumerated;
    private sqlite3? _handle;
    private RawStatement? _statement;
    private long _rows;
    private bool _finished;

    /// <param name="handles">The pool a handle is rented from for each enumeration.</param>
    /// <param name="period">Hourly or daily rollups.</param>
    /// <param name="stationId">The series' station.</param>
    /// <param name="metric">The series' metric.</param>
    /// <param name="from">The first period start included, Unix milliseconds.</param>
    /// <param name="to">The first period start excluded, Unix milliseconds.</param>
    /// <param name="counted">Told, once an enumeration is disposed, how many rows it read.</param>
    /// <param name="cancellationToken">Stops the enumeration before its next row.</param>
    public SqliteRollupReader(
        SqliteReadHandles handles,
        RollupPeriod period,
        string stationId,
        string metric,
        long from,
        long to,
        Action<RollupPeriod, long> counted,
        CancellationToken cancellationToken)
    {
        _handles = handles;
        _period = period;
        _stationId = stationId;
        _metric = metric;
        _from = from;
        _to = to;
        _counted = counted;
        _cancellationToken = cancellationToken;
        _token = cancellationToken;
    }

    public Rollup Current { get; private set; }

    /// <summary>
    /// This reader for its first enumeration, a new one for each further (as a compiler-generated iterator does).
    /// The two tokens are linked when both can be cancelled.
    /// </summary>
    public IAsyncEnumerator<Rollup> GetAsyncEnumerator(CancellationToken cancellationToken = default)
    {
        var token = _cancellationToken;
        CancellationTokenSource? linked = null;
        if (!token.CanBeCanceled)
        {
            token = cancellationToken;
        }
        else if (cancellationToken.CanBeCanceled && cancellationToken != token)
        {
            linked = CancellationTokenSource.CreateLinkedTokenSource(token, cancellationToken);
            token = linked.Token;
        }

        var reader = Interlocked.Exchange(ref _enumerated, 1) == 0
            ? this
            : new SqliteRollupReader(_handles, _period, _stationId, _metric, _from, _to, _counted, _cancellationToken) { _enumerated = 1 };
        reader._token = token;
        reader._linked = linked;
        return reader;
    }

    public ValueTask<bool> MoveNextAsync()
    {
        try
        {
            return new ValueTask<bool>(Step());
        }
        catch (Exception ex)
        {
            // As in an iterator, a failed step ends the enumeration.
            _finished = true;
            return ValueTask.FromException<bool>(ex);
        }
    }

    public ValueTask DisposeAsync()
    {
        _finished = true;
        Release();
        _linked?.Dispose();
        _linked = null;
        return ValueTask.CompletedTask;
    }

    /// <summary>Finalises the statement and gives the handle back as soon as the last row is read, not only when disposed.</summary>
    private void Release()
    {
        _statement?.Dispose();
        _statement = null;
        if (_handle is { } handle)
        {
            _handle = null;
            _handles.Return(handle);
            _counted(_period, _rows);
        }
    }

    private bool Step()
    {
        if (_finished)
        {
            return false;
        }

        _token.ThrowIfCancellationRequested();

        var rollups = _statement ?? Start();
        if (!rollups.Step())
        {
            _finished = true;
            Release();
            return false;
        }

        _rows++;
        var valid = rollups.Int64(2);
        Current = new Rollup(
            DateTimeOffset.FromUnixTimeMilliseconds(rollups.Int64(0)),
            rollups.Int64(1),
            valid,
            rollups.Double(3),
            valid > 0 ? rollups.Double(4) : null,
            valid > 0 ? rollups.Double(5) : null);
        return true;
    }

    private RawStatement Start()
    {
        _handle = _handles.Rent();

        // The lowest and highest are read only when a value is valid: they are NULL exactly when none is (count(v) = 0
        // and min(v) IS NULL, see RollupSql). The two counts were once packed into one integer by SQL to save a column
        // read; with the getters of SqliteColumns a column costs less than SQLite's evaluation of the expression.
        _statement = new RawStatement(_handle, $"""
            SELECT start, value_count, valid_count, valid_sum, valid_min, valid_max
            FROM {RollupSql.Table(_period)}
            WHERE series = (SELECT id FROM series WHERE station = ?1 AND metric = ?2)
              AND start >= ?3 AND start < ?4
            ORDER BY start
            """);
        _statement.Bind(1, _stationId).Bind(2, _metric).Bind(3, _from).Bind(4, _to);
        return _statement;
    }
}
