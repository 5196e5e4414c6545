using Microsoft.Extensions.Logging;

namespace Moci.Ingest.Intake;

/// <summary>Log messages of the Sensor.Community (airrohr) HTTP intake (event ids 501–599).</summary>
internal static partial class AirrohrLog
{
    [LoggerMessage(501, LogLevel.Information, "Refused an airrohr post as station '{StationId}': {Refusal}")]
    public static partial void AirrohrRefused(this ILogger logger, string stationId, string refusal);

    [LoggerMessage(502, LogLevel.Warning, "Dead-lettered an airrohr body from station {StationId}: {Reason}")]
    public static partial void AirrohrBodyRejected(this ILogger logger, string stationId, string reason);

    [LoggerMessage(503, LogLevel.Debug, "Airrohr kit {ChipId} posted as station {StationId}: {Readings} readings, {DeadLetters} dead letters, ignored {Ignored}")]
    public static partial void AirrohrAccepted(this ILogger logger, string? chipId, string stationId, int readings, int deadLetters, string ignored);

    [LoggerMessage(504, LogLevel.Warning, "An airrohr post of station {StationId} is queued but not committed after {Timeout}; answered 503, it is stored when the writer catches up")]
    public static partial void AirrohrCommitTimedOut(this ILogger logger, string stationId, TimeSpan timeout);

    [LoggerMessage(505, LogLevel.Warning, "The intake queue stayed full for {Timeout}; an airrohr post of station {StationId} was answered 503 and not taken")]
    public static partial void AirrohrQueueFull(this ILogger logger, string stationId, TimeSpan timeout);
}
