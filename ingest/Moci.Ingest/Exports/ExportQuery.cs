using System.Globalization;
using Moci.Ingest.Queries;
using Moci.Ingest.Stations;
using Moci.Telemetry.Metrics;

namespace Moci.Ingest.Exports;

/// <summary>
/// An export selection as a person writes it (query string or command line), checked into an
/// <see cref="ExportRequest"/>. Lists are comma-separated. Every problem is reported under the parameter's
/// name with a reason a student can act on, all at once.
/// </summary>
/// <param name="Station">Station ids, e.g. <c>rrg-school-01,shk-river-01</c>.</param>
/// <param name="Metric">Metric names, e.g. <c>pm2_5,pm10</c>.</param>
/// <param name="From">Start of the range (ISO 8601; UTC when no offset is given); default <see cref="DefaultRange"/> before 'to'.</param>
/// <param name="To">End of the range, excluded; default now.</param>
/// <param name="Format"><c>csv</c> (default) or <c>json</c>.</param>
/// <param name="Layout"><c>long</c> (default) or <c>wide</c>.</param>
/// <param name="Dialect"><c>rfc4180</c> (default) or <c>spreadsheet</c>.</param>
/// <param name="Tz">IANA zone of the local-time column; default the configured one.</param>
/// <param name="Resolution"><c>raw</c> (default: every reading), <c>hour</c> or <c>day</c> (UTC periods from the rollups, with their completeness).</param>
public sealed record ExportQuery(
    string? Station,
    string? Metric,
    string? From,
    string? To,
    string? Format,
    string? Layout,
    string? Dialect,
    string? Tz,
    string? Resolution = null)
{
    /// <summary>How far back 'from' lies when it is not given.</summary>
    public static readonly TimeSpan DefaultRange = TimeSpan.FromHours(24);

    /// <summary>Most stations in one export.</summary>
    public const int MaxStations = 20;

    /// <summary>Most series (stations × metrics) in one export: the wide layout reads them all at once.</summary>
    public const int MaxSeries = 64;

    /// <summary>Checks the selection against the registry (<paramref name="findStation"/>) and the metric catalogue.</summary>
    /// <param name="findStation">The registered station of an id, or null.</param>
    /// <param name="now">'to' when it is not given.</param>
    /// <param name="defaultZone">The local-time zone when <see cref="Tz"/> is not given.</param>
    /// <param name="errors">Per parameter name, what is wrong; empty when the request is valid.</param>
    public ExportRequest? Check(Func<string, Station?> findStation, DateTimeOffset now, TimeZoneInfo defaultZone, out Dictionary<string, string[]> errors)
    {
        errors = [];
        var stations = Stations(findStation, errors);
        var metrics = Metrics(errors);
        var format = Choice(Format, "format", ExportFormat.Csv, [("csv", ExportFormat.Csv), ("json", ExportFormat.Json)], errors);
        var layout = Choice(Layout, "layout", ExportLayout.Long, [("long", ExportLayout.Long), ("wide", ExportLayout.Wide)], errors);
        var dialect = Choice(Dialect, "dialect", CsvDialect.Rfc4180, [("rfc4180", CsvDialect.Rfc4180), ("spreadsheet", CsvDialect.Spreadsheet)], errors);
        if (Dialect is not null && format == ExportFormat.Json && !errors.ContainsKey("dialect"))
        {
            errors["dialect"] = ["A dialect is for CSV; leave it out with format=json."];
        }

        var resolution = Choice(Resolution, "resolution", Queries.Resolution.Raw, [("raw", Queries.Resolution.Raw), ("hour", Queries.Resolution.Hour), ("day", Queries.Resolution.Day)], errors);
        var zone = defaultZone;
        if (Tz is not null && !ExportTimeZone.TryFind(Tz, out zone))
        {
            errors["tz"] = [$"'{Tz}' is not a time zone this hub knows; use an IANA name such as Europe/Tirane or Europe/Berlin."];
        }

        if (stations.Count * metrics.Count > MaxSeries)
        {
            errors["metric"] = [$"{stations.Count} stations × {metrics.Count} metrics are {stations.Count * metrics.Count} series; one export takes at most {MaxSeries}. Split it."];
        }

        var start = Instant(From, "from", errors);
        var end = Instant(To, "to", errors) ?? now;
        if (start is null && !errors.ContainsKey("from"))
        {
            if (end - DateTimeOffset.MinValue < DefaultRange)
            {
                errors["from"] = ["Give 'from': the default range (24 hours before 'to') would start before the earliest date there is."];
            }
            else
            {
                start = end - DefaultRange;
            }
        }

        if (start is { } s && s >= end && !errors.ContainsKey("from") && !errors.ContainsKey("to"))
        {
            errors["to"] = [$"'to' ({end:O}) must be after 'from' ({s:O}); the range is half-open [from, to)."];
        }

        if (errors.Count > 0)
        {
            return null;
        }

        return new ExportRequest(stations, metrics, start!.Value, end, format, layout, dialect, zone!, resolution);
    }

    private List<Station> Stations(Func<string, Station?> findStation, Dictionary<string, string[]> errors)
    {
        var ids = Split(Station);
        var found = new List<Station>();
        if (ids.Count == 0)
        {
            errors["station"] = ["Give one or more station ids, comma-separated, e.g. station=rrg-school-01,shk-river-01."];
            return found;
        }

        if (ids.Count > MaxStations)
        {
            errors["station"] = [$"{ids.Count} stations; one export takes at most {MaxStations}."];
            return found;
        }

        var unknown = new List<string>();
        foreach (var id in ids)
        {
            if (findStation(id) is { } station)
            {
                found.Add(station);
            }
            else
            {
                unknown.Add(id);
            }
        }

        if (unknown.Count > 0)
        {
            errors["station"] = [$"No station {string.Join(", ", unknown.Select(u => $"'{u}'"))} is registered on this hub; GET /api/v1/stations lists them."];
        }

        return found;
    }

    private List<Metric> Metrics(Dictionary<string, string[]> errors)
    {
        var names = Split(Metric);
        var found = new List<Metric>();
        if (names.Count == 0)
        {
            errors["metric"] = [$"Give one or more metrics, comma-separated, e.g. metric=pm2_5,pm10. Known metrics: {MetricCatalogue.KnownNames}."];
            return found;
        }

        var unknown = new List<string>();
        foreach (var name in names)
        {
            if (MetricCatalogue.TryGet(name, out var metric))
            {
                found.Add(metric);
            }
            else
            {
                unknown.Add(name);
            }
        }

        if (unknown.Count > 0)
        {
            errors["metric"] = [$"Unknown metric {string.Join(", ", unknown.Select(u => $"'{u}'"))}. Known metrics: {MetricCatalogue.KnownNames}."];
        }

        return found;
    }

    /// <summary>The distinct non-empty items of a comma-separated list, in the order given.</summary>
    private static List<string> Split(string? list) =>
        string.IsNullOrWhiteSpace(list)
            ? []
            : list.Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries).Distinct(StringComparer.Ordinal).ToList();

    private static T Choice<T>(string? text, string name, T fallback, (string Name, T Value)[] choices, Dictionary<string, string[]> errors)
    {
        if (text is null)
        {
            return fallback;
        }

        foreach (var (choice, value) in choices)
        {
            if (string.Equals(choice, text.Trim(), StringComparison.OrdinalIgnoreCase))
            {
                return value;
            }
        }

        errors[name] = [$"Unknown {name} '{text}'. Use {string.Join(" or ", choices.Select(c => c.Name))} (default {choices.First(c => Equals(c.Value, fallback)).Name})."];
        return fallback;
    }

    private static DateTimeOffset? Instant(string? text, string name, Dictionary<string, string[]> errors)
    {
        if (string.IsNullOrWhiteSpace(text))
        {
            return null;
        }

        if (DateTimeOffset.TryParse(text, CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal | DateTimeStyles.AdjustToUniversal, out var instant))
        {
            return instant;
        }

        errors[name] = [$"'{text}' is not an ISO 8601 date and time; use UTC such as 2026-11-25T08:00:00Z."];
        return null;
    }
}
