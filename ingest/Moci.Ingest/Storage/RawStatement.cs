using Microsoft.Data.Sqlite;
using SQLitePCL;

namespace Moci.Ingest.Storage;

/// <summary>
/// One prepared statement run through SQLite's C API on an open Microsoft.Data.Sqlite connection, inside whatever
/// transaction that connection has open: for the statements that run for every stored reading (the insert) or for
/// every hour and day a batch touches (the rollups), and the queries that read a range of rollups and a series' usual
/// interval (on a handle of <see cref="SqliteReadHandles"/>). Not thread-safe: use it on the thread that owns the connection.
/// </summary>
internal sealed class RawStatement : IDisposable
{
    private readonly sqlite3 _database;
    private readonly sqlite3_stmt _statement;

    /// <summary>The statement's pointer for <see cref="SqliteColumns"/>, or zero to read through SQLitePCL; valid while <see cref="_statement"/> is open.</summary>
    private readonly IntPtr _native;

    public RawStatement(SqliteConnection connection, string sql)
        : this(connection.Handle ?? throw new InvalidOperationException("the connection is not open"), sql)
    {
    }

    /// <summary>Prepares <paramref name="sql"/> on an open handle (one of <see cref="SqliteReadHandles"/>).</summary>
    public RawStatement(sqlite3 database, string sql)
    {
        _database = database;
        Check(raw.sqlite3_prepare_v2(_database, sql, out _statement));
        _native = SqliteColumns.Available ? _statement.DangerousGetHandle() : IntPtr.Zero;
    }

    /// <summary>Binds the values, runs the statement once and returns how many rows it changed.</summary>
    public int Execute(long first, long second, double third, int fourth)
    {
        try
        {
            Check(raw.sqlite3_bind_int64(_statement, 1, first));
            Check(raw.sqlite3_bind_int64(_statement, 2, second));
            Check(raw.sqlite3_bind_double(_statement, 3, third));
            Check(raw.sqlite3_bind_int(_statement, 4, fourth));
            var result = raw.sqlite3_step(_statement);
            if (result != raw.SQLITE_DONE)
            {
                Check(result);
            }

            return raw.sqlite3_changes(_database);
        }
        finally
        {
            raw.sqlite3_reset(_statement);
        }
    }

    /// <summary>Binds an integer to the parameter at <paramref name="index"/> (from 1) for the next <see cref="Run"/>.</summary>
    public RawStatement Bind(int index, long value)
    {
        Check(raw.sqlite3_bind_int64(_statement, index, value));
        return this;
    }

    /// <summary>Binds a real, or NULL when <paramref name="value"/> is null, to the parameter at <paramref name="index"/> (from 1).</summary>
    public RawStatement Bind(int index, double? value)
    {
        Check(value is { } real ? raw.sqlite3_bind_double(_statement, index, real) : raw.sqlite3_bind_null(_statement, index));
        return this;
    }

    /// <summary>Binds a text to the parameter at <paramref name="index"/> (from 1).</summary>
    public RawStatement Bind(int index, string value)
    {
        Check(raw.sqlite3_bind_text(_statement, index, value));
        return this;
    }

    /// <summary>
    /// For a query: steps to its next row and returns true, or returns false (and resets the statement) after the last.
    /// Read the row's columns with <see cref="Int64"/>, <see cref="Double"/> and <see cref="DoubleOrNull"/> before the next step.
    /// </summary>
    public bool Step()
    {
        var result = _native != IntPtr.Zero ? SqliteColumns.Step(_native) : raw.sqlite3_step(_statement);
        if (result == raw.SQLITE_ROW)
        {
            return true;
        }

        raw.sqlite3_reset(_statement);
        Check(result);
        return false;
    }

    /// <summary>The integer in column <paramref name="column"/> (from 0) of the current row.</summary>
    public long Int64(int column) => _native != IntPtr.Zero ? SqliteColumns.Int64(_native, column) : raw.sqlite3_column_int64(_statement, column);

    /// <summary>The real in column <paramref name="column"/> (from 0) of the current row.</summary>
    public double Double(int column) => _native != IntPtr.Zero ? SqliteColumns.Double(_native, column) : raw.sqlite3_column_double(_statement, column);

    /// <summary>The real in column <paramref name="column"/> (from 0) of the current row, or null when it is NULL.</summary>
    public double? DoubleOrNull(int column)
    {
        if (_native == IntPtr.Zero)
        {
            return raw.sqlite3_column_type(_statement, column) == raw.SQLITE_NULL ? null : raw.sqlite3_column_double(_statement, column);
        }

        return SqliteColumns.Type(_native, column) == raw.SQLITE_NULL ? null : SqliteColumns.Double(_native, column);
    }

    /// <summary>Runs the statement once with the values bound and returns how many rows it changed.</summary>
    public int Run()
    {
        try
        {
            var result = raw.sqlite3_step(_statement);
            if (result != raw.SQLITE_DONE)
            {
                Check(result);
            }

            return raw.sqlite3_changes(_database);
        }
        finally
        {
            raw.sqlite3_reset(_statement);
        }
    }

    public void Dispose() => _statement.Dispose();

    private void Check(int result)
    {
        if (result is not (raw.SQLITE_OK or raw.SQLITE_DONE or raw.SQLITE_ROW))
        {
            throw new SqliteException($"SQLite Error {result}: '{raw.sqlite3_errmsg(_database).utf8_to_string()}'.", result, raw.sqlite3_extended_errcode(_database));
        }
    }
}
