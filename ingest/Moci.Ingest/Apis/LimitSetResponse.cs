using Moci.Telemetry.Limits;

namespace Moci.Ingest.Apis;

/// <summary>The limit set compared with, and where its values come from.</summary>
public sealed record LimitSetResponse(string Id, string Title, string Edition, string Applies, string Source, string Provenance, string AnnualCoverage)
{
    public static LimitSetResponse From(LimitSet set) =>
        new(set.Id, set.Title, set.Edition, set.Applies, set.Source, set.Provenance, set.AnnualCoverage.Required.ToString());
}
