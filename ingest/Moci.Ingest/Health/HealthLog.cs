namespace Moci.Ingest.Health;

/// <summary>Log messages of the stations' health reports.</summary>
internal static partial class HealthLog
{
    [LoggerMessage(Level = LogLevel.Debug, Message = "Health report of {Station} made at {At:O} kept ({Faulty} sensors missing or failing)")]
    public static partial void HealthStored(this ILogger logger, string station, DateTimeOffset at, int faulty);

    [LoggerMessage(Level = LogLevel.Error, Message = "The health report of {Station} could not be stored; the next one will be tried")]
    public static partial void HealthStoreFailed(this ILogger logger, Exception exception, string station);
}
