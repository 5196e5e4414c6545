namespace Moci.Cli.Commands.Migrate;

/// <summary>One series of the SQLite store and how far an earlier run copied it.</summary>
/// <param name="Station">Station id.</param>
/// <param name="Metric">Metric id.</param>
/// <param name="Stored">Readings the SQLite store holds.</param>
/// <param name="CopiedUntil">The time of the last reading copied (Unix milliseconds), or null when nothing is.</param>
/// <param name="Copied">Readings copied so far.</param>
internal sealed record SeriesCopy(string Station, string Metric, long Stored, long? CopiedUntil, long Copied);
