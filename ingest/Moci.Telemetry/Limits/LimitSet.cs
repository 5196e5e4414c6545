namespace Moci.Telemetry.Limits;

/// <summary>
/// One versioned table of limit values or guideline levels (<c>eu2008</c>, <c>eu2030</c>, <c>who2021</c>), with
/// its source, the edition of the text it was read from, and the annual data capture its comparisons need.
/// Tables are never edited in place: a new edition of a text becomes a new set with a new id.
/// Thread-safe: immutable.
/// </summary>
public sealed class LimitSet
{
    private readonly LimitValue[] _values;
    private readonly LimitValue[] _interimTargets;

    internal LimitSet(
        string id,
        string title,
        string edition,
        string applies,
        string source,
        string provenance,
        CompletenessRule annualCoverage,
        IEnumerable<LimitValue> values,
        IEnumerable<LimitValue>? interimTargets = null)
    {
        Id = id;
        Title = title;
        Edition = edition;
        Applies = applies;
        Source = source;
        Provenance = provenance;
        AnnualCoverage = annualCoverage;
        _values = [.. values];
        _interimTargets = [.. interimTargets ?? []];
    }

    /// <summary>The id used in the API and in configuration, for example <c>eu2008</c>.</summary>
    public string Id { get; }

    /// <summary>The document's title in short.</summary>
    public string Title { get; }

    /// <summary>The edition of the text the table was read from: act, date and Official Journal or ISBN.</summary>
    public string Edition { get; }

    /// <summary>When the values apply, in words ("in force until 11 December 2026").</summary>
    public string Applies { get; }

    /// <summary>Address of the text.</summary>
    public string Source { get; }

    /// <summary>How the values were checked: which copy of the text they were read from, and what was not checked.</summary>
    public string Provenance { get; }

    /// <summary>
    /// The share of a calendar year's periods that must be valid before an annual mean or a count of exceedances
    /// is compared with this set's values.
    /// </summary>
    public CompletenessRule AnnualCoverage { get; }

    /// <summary>The limit values (or WHO guideline levels), in table order.</summary>
    public IReadOnlyList<LimitValue> Values => _values;

    /// <summary>WHO interim targets, in table order; empty for the EU sets.</summary>
    public IReadOnlyList<LimitValue> InterimTargets => _interimTargets;

    /// <summary>The values for one metric (<see cref="AirPollutants"/>), in table order; empty when the set has none.</summary>
    public IReadOnlyList<LimitValue> For(string metric) =>
        [.. _values.Where(v => string.Equals(v.Metric, metric, StringComparison.Ordinal))];

    /// <summary>The value for one metric and averaging period, or <c>null</c> when the set has none.</summary>
    public LimitValue? Find(string metric, AveragingPeriod period) =>
        _values.FirstOrDefault(v => string.Equals(v.Metric, metric, StringComparison.Ordinal) && v.Period == period);

    /// <inheritdoc />
    public override string ToString() => $"{Id} ({Title})";
}
