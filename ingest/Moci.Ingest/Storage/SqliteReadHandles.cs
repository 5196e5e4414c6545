using System.Collections.Concurrent;
using Microsoft.Data.Sqlite;
using SQLitePCL;

namespace Moci.Ingest.Storage;

/// <summary>
/// A small pool of read-only SQLite handles opened through the C API with <c>SQLITE_OPEN_NOMUTEX</c>
/// (https://sqlite.org/c3ref/open.html), for the reads that fetch thousands of small rows (a year of hourly rollups,
/// the sample behind a series' usual interval). Microsoft.Data.Sqlite opens its connections in SQLite's serialized
/// mode, where every step and every column value takes the connection's mutex: about 20 ns a call, which was a
/// third of reading a year of hourly rollups. A handle of this pool is used by one read at a time (SQLite's
/// multi-thread mode, https://sqlite.org/threadsafe.html), so it needs no mutex. Each statement runs in its own read
/// transaction, so a pooled handle sees every commit of the writer. Thread-safe.
/// </summary>
internal sealed class SqliteReadHandles(string databasePath) : IDisposable
{
    /// <summary>Handles kept for reuse; more may be open at once under load, and those past this are closed on return.</summary>
    private const int Kept = 4;

    /// <summary>As Microsoft.Data.Sqlite's default command timeout for a reader that meets a lock (a WAL reset or recovery).</summary>
    private const int BusyTimeoutMilliseconds = 30_000;

    private readonly ConcurrentBag<sqlite3> _idle = [];
    private int _disposed;

    /// <summary>An open handle, from the pool or newly opened; give it back with <see cref="Return"/> when the read is done.</summary>
    /// <exception cref="SqliteException">The database cannot be opened.</exception>
    public sqlite3 Rent()
    {
        ObjectDisposedException.ThrowIf(Volatile.Read(ref _disposed) != 0, this);
        if (_idle.TryTake(out var handle))
        {
            return handle;
        }

        var result = raw.sqlite3_open_v2(databasePath, out handle, raw.SQLITE_OPEN_READONLY | raw.SQLITE_OPEN_NOMUTEX, null);
        if (result != raw.SQLITE_OK)
        {
            var message = handle is null ? raw.sqlite3_errstr(result).utf8_to_string() : raw.sqlite3_errmsg(handle).utf8_to_string();
            handle?.Dispose();
            throw new SqliteException($"SQLite Error {result}: '{message}'.", result);
        }

        raw.sqlite3_busy_timeout(handle, BusyTimeoutMilliseconds);
        return handle;
    }

    /// <summary>Takes back a handle from <see cref="Rent"/> whose statements are all finalised.</summary>
    public void Return(sqlite3 handle)
    {
        if (Volatile.Read(ref _disposed) == 0 && _idle.Count < Kept)
        {
            _idle.Add(handle);
            if (Volatile.Read(ref _disposed) != 0)
            {
                Dispose();
            }

            return;
        }

        handle.Dispose();
    }

    public void Dispose()
    {
        Interlocked.Exchange(ref _disposed, 1);
        while (_idle.TryTake(out var handle))
        {
            handle.Dispose();
        }
    }
}
