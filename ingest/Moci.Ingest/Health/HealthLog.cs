namespace Moci.Ingest.Health;

/// <summary>Log messages of the stations' health reports.</summary>
internal static partial class HealthLog
{
    [LoggerMessage(Level = LogLevel.Debug, Message = "Health report of {Station} made at {At:O} kept ({Faulty} sensors missing or failing)")]
    public static partial void HealthStored(this ILogger logger, string station, DateTimeOffset at, int faulty);

    [LoggerMessage(Level = LogLevel.Error, Message = "The health report of {Station} could not be stored; the next one will be tried")]
    public static partial void HealthStoreFailed(this ILogger logger, Exception exception, string station);

    [LoggerMessage(Level = LogLevel.Debug, Message = "The refused health report of {Station} came again (the broker's retained copy); it is already a dead letter")]
    public static partial void HealthRepeatIgnored(this ILogger logger, string station);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Could not look for an earlier dead letter of the refused health report of {Station}; it is kept again")]
    public static partial void HealthDeadLetterLookupFailed(this ILogger logger, Exception exception, string station);
}
