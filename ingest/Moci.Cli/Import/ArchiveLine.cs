namespace Moci.Cli.Import;

/// <summary>A row of an archive file: a record, or why it cannot be imported.</summary>
internal sealed record ArchiveLine(long Line, ArchiveRecord? Record, string? Error);
