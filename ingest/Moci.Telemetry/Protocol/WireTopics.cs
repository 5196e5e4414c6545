namespace Moci.Telemetry.Protocol;

/// <summary>The MQTT topic scheme of wire protocol v1: <c>moci/v1/{stationId}/{senml|ack|status|health}</c>.</summary>
public static class WireTopics
{
    /// <summary>The prefix every v1 topic starts with.</summary>
    public const string Prefix = "moci/v1/";

    /// <summary>Subscription filter for every station's readings.</summary>
    public const string AllReadings = Prefix + "+/senml";

    /// <summary>Subscription filter for every station's status.</summary>
    public const string AllStatus = Prefix + "+/status";

    /// <summary>Subscription filter for every station's health reports.</summary>
    public const string AllHealth = Prefix + "+/health";

    /// <summary>The topic a station publishes its SenML batches on.</summary>
    public static string Readings(string stationId) => Topic(stationId, "senml");

    /// <summary>The topic the hub acknowledges committed batches on.</summary>
    public static string Ack(string stationId) => Topic(stationId, "ack");

    /// <summary>The retained status topic (<c>online</c>, or <c>offline</c> as the last will).</summary>
    public static string Status(string stationId) => Topic(stationId, "status");

    /// <summary>The station health topic.</summary>
    public static string Health(string stationId) => Topic(stationId, "health");

    /// <summary>The topic of the given kind for a station.</summary>
    public static string For(string stationId, TopicKind kind) => kind switch
    {
        TopicKind.Readings => Readings(stationId),
        TopicKind.Ack => Ack(stationId),
        TopicKind.Status => Status(stationId),
        TopicKind.Health => Health(stationId),
        _ => throw new ArgumentOutOfRangeException(nameof(kind), kind, "unknown topic kind"),
    };

    /// <summary>
    /// A shared-subscription filter (MQTT 5 §4.8.2) so that several ingest processes split the
    /// readings of all stations between them.
    /// </summary>
    public static string SharedReadings(string group) => $"$share/{group}/{AllReadings}";

    /// <summary>Splits a v1 topic into station id and kind; false for any other topic.</summary>
    public static bool TryParse(string topic, out string stationId, out TopicKind kind)
    {
        stationId = "";
        kind = default;
        if (!topic.StartsWith(Prefix, StringComparison.Ordinal))
        {
            return false;
        }

        var rest = topic.AsSpan(Prefix.Length);
        var slash = rest.IndexOf('/');
        if (slash <= 0)
        {
            return false;
        }

        var id = rest[..slash].ToString();
        TopicKind? parsed = rest[(slash + 1)..] switch
        {
            "senml" => TopicKind.Readings,
            "ack" => TopicKind.Ack,
            "status" => TopicKind.Status,
            "health" => TopicKind.Health,
            _ => null,
        };
        if (parsed is null || !StationId.IsValid(id))
        {
            return false;
        }

        stationId = id;
        kind = parsed.Value;
        return true;
    }

    private static string Topic(string stationId, string leaf)
    {
        if (StationId.Explain(stationId) is { } problem)
        {
            throw new ArgumentException(problem, nameof(stationId));
        }

        return Prefix + stationId + "/" + leaf;
    }
}
