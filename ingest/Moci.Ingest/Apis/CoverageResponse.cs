namespace Moci.Ingest.Apis;

/// <summary>
/// The data coverage behind a count or an annual mean: valid periods (hours or days that met their own
/// completeness rule) against the periods of the year that had ended, and whether that is enough to compare.
/// </summary>
/// <param name="Unit">What is counted: <c>hours</c> or <c>days</c>.</param>
/// <param name="Valid">Periods that met their completeness rule and were compared.</param>
/// <param name="Incomplete">Periods with data below their completeness rule: counted neither way.</param>
/// <param name="Elapsed">Periods of the year that had ended at the time of the question.</param>
/// <param name="InYear">Periods in the whole year (365/366 days, 8760/8784 hours).</param>
/// <param name="Required">Valid periods needed: the annual rule applied to the elapsed periods (to the year once it is over).</param>
/// <param name="RequiredShare">The annual rule, for example "90 %".</param>
/// <param name="Share">Valid periods of the elapsed ones, 0 … 1.</param>
/// <param name="Enough">True when the valid periods are enough to compare with the limit.</param>
/// <param name="Rule">Where the annual rule is written.</param>
public sealed record CoverageResponse(
    string Unit,
    long Valid,
    int Incomplete,
    int Elapsed,
    int InYear,
    long Required,
    string RequiredShare,
    double Share,
    bool Enough,
    string Rule);
