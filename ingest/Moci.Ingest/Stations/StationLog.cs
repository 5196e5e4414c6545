namespace Moci.Ingest.Stations;

/// <summary>Log messages of the station registry.</summary>
internal static partial class StationLog
{
    [LoggerMessage(101, LogLevel.Warning, "Could not re-read the station registry; keeping the stations known so far")]
    public static partial void RefreshFailed(ILogger logger, Exception exception);
}
