using System.Runtime.InteropServices;
using SQLitePCL;

namespace Moci.Ingest.Storage;

/// <summary>
/// The step and the column getters of SQLite's C API (https://sqlite.org/c3ref/column_blob.html) called directly on the native
/// library that Microsoft.Data.Sqlite loads (<c>e_sqlite3</c>), with the statement's raw pointer. Through SQLitePCL
/// each call pins the statement's <see cref="SafeHandle"/> and switches the thread to native mode, about 60 ns a
/// value, which was half the time of reading a year of hourly rollups (8 760 rows of six values); the getters only
/// read the current row and neither block nor call back, so they can skip that switch (<see cref="SuppressGCTransitionAttribute"/>).
/// Used only when the loaded library is <c>e_sqlite3</c> (<see cref="Available"/>). Thread-safety: SQLite's, one statement on one thread.
/// </summary>
internal static class SqliteColumns
{
    private const string Library = "e_sqlite3";

    /// <summary>Whether SQLitePCL runs on <c>e_sqlite3</c>, so that these getters read the same statements.</summary>
    public static readonly bool Available = string.Equals(raw.GetNativeLibraryName(), Library, StringComparison.Ordinal);

    /// <summary>
    /// <c>sqlite3_step</c> (https://sqlite.org/c3ref/step.html) on the raw pointer: without SQLitePCL's pinning of the
    /// statement's handle and its provider's dispatch on every row. Not marked <see cref="SuppressGCTransitionAttribute"/>:
    /// a step does real work and may wait for a lock.
    /// </summary>
    [DllImport(Library, EntryPoint = "sqlite3_step", ExactSpelling = true)]
    [DefaultDllImportSearchPaths(DllImportSearchPath.SafeDirectories)]
    public static extern int Step(IntPtr statement);

    [DllImport(Library, EntryPoint = "sqlite3_column_int64", ExactSpelling = true)]
    [SuppressGCTransition]
    [DefaultDllImportSearchPaths(DllImportSearchPath.SafeDirectories)]
    public static extern long Int64(IntPtr statement, int column);

    [DllImport(Library, EntryPoint = "sqlite3_column_double", ExactSpelling = true)]
    [SuppressGCTransition]
    [DefaultDllImportSearchPaths(DllImportSearchPath.SafeDirectories)]
    public static extern double Double(IntPtr statement, int column);

    [DllImport(Library, EntryPoint = "sqlite3_column_type", ExactSpelling = true)]
    [SuppressGCTransition]
    [DefaultDllImportSearchPaths(DllImportSearchPath.SafeDirectories)]
    public static extern int Type(IntPtr statement, int column);
}
