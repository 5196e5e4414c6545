namespace Moci.Telemetry.Protocol;

/// <summary>The snake_case names of rejection kinds as the health report writes them.</summary>
public static class RejectionKindNames
{
    /// <summary>Every kind, in declaration order.</summary>
    public static IReadOnlyList<RejectionKind> All { get; } = Enum.GetValues<RejectionKind>();

    /// <summary>The name of <paramref name="kind"/>, for example <c>too_old</c>.</summary>
    public static string Of(RejectionKind kind) => kind switch
    {
        RejectionKind.BadTopic => "bad_topic",
        RejectionKind.Unregistered => "unregistered",
        RejectionKind.InvalidPack => "invalid_pack",
        RejectionKind.OtherStation => "other_station",
        RejectionKind.UnknownMetric => "unknown_metric",
        RejectionKind.WrongKind => "wrong_kind",
        RejectionKind.NoValue => "no_value",
        RejectionKind.BadUnit => "bad_unit",
        RejectionKind.NonFinite => "non_finite",
        RejectionKind.Future => "future",
        RejectionKind.Before2000 => "before_2000",
        RejectionKind.TooOld => "too_old",
        RejectionKind.InternalError => "internal_error",
        RejectionKind.InvalidHealth => "invalid_health",
        _ => throw new ArgumentOutOfRangeException(nameof(kind), kind, "unknown rejection kind"),
    };
}
