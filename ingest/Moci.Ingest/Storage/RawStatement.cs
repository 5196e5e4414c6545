using Microsoft.Data.Sqlite;
using SQLitePCL;

namespace Moci.Ingest.Storage;

/// <summary>
/// One prepared statement run through SQLite's C API on an open Microsoft.Data.Sqlite connection, inside whatever
/// transaction that connection has open: for the statements that run for every stored reading (the insert) or for
/// every hour and day a batch touches (the rollups). Not thread-safe: use it on the thread that owns the connection.
/// </summary>
internal sealed class RawStatement : IDisposable
{
    private readonly sqlite3 _database;
    private readonly sqlite3_stmt _statement;

    public RawStatement(SqliteConnection connection, string sql)
    {
        _database = connection.Handle ?? throw new InvalidOperationException("the connection is not open");
        Check(raw.sqlite3_prepare_v2(_database, sql, out _statement));
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
