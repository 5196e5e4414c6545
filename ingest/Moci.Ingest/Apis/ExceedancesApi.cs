using System.Globalization;
using Microsoft.AspNetCore.Http.HttpResults;
using Moci.Ingest.Stations;
using Moci.Ingest.Storage;
using Moci.Telemetry.Limits;
using Moci.Telemetry.Metrics;

namespace Moci.Ingest.Apis;

/// <summary>
/// <c>/api/v1/exceedances</c>: one station's metric compared with every value of a limit set
/// (<c>eu2008</c>, <c>eu2030</c>, <c>who2021</c>) over one calendar year — per value, the hours or days above it,
/// the number permitted, the data coverage behind the count and whether it is enough to compare. Days and years
/// begin at midnight UTC+01:00 (<see cref="ReportingCalendar.Default"/>); the computation is
/// <see cref="ExceedanceCounter"/> over the store's hourly rollups.
/// </summary>
public static class ExceedancesApi
{
    /// <summary>The limit set used when the query names none: the EU limit values in force.</summary>
    public const string DefaultLimits = "eu2008";

    /// <summary>The first year the API answers for; earlier years are typing mistakes, not data.</summary>
    private const int FirstYear = 2000;

    public static RouteGroupBuilder MapExceedancesApi(this IEndpointRouteBuilder app)
    {
        var group = app.MapGroup("/api/v1/exceedances").WithTags("Limits");
        group.MapGet("/", GetExceedances)
            .WithSummary("A station's metric against a limit set over one calendar year: exceedances, permitted, coverage")
            .Produces<ExceedancesResponse>()
            .ProducesValidationProblem()
            .ProducesProblem(StatusCodes.Status404NotFound);
        return group;
    }

    public static async Task<Results<Ok<ExceedancesResponse>, ValidationProblem, ProblemHttpResult>> GetExceedances(
        string? station,
        string? metric,
        string? year,
        string? limits,
        StationRegistry registry,
        IReadingStore store,
        TimeProvider time,
        CancellationToken cancellationToken)
    {
        var errors = new Dictionary<string, string[]>();
        var now = time.GetUtcNow();
        var calendar = ReportingCalendar.Default;

        if (string.IsNullOrWhiteSpace(station))
        {
            errors["station"] = ["Give the station id, e.g. station=rrg-school-01."];
        }

        var setId = string.IsNullOrWhiteSpace(limits) ? DefaultLimits : limits;
        if (!LimitSets.TryGet(setId, out var set))
        {
            errors["limits"] = [$"Unknown limit set '{limits}'. Known limit sets: {LimitSets.KnownIds}."];
        }

        Metric? found = null;
        if (string.IsNullOrWhiteSpace(metric))
        {
            errors["metric"] = ["Give the metric, e.g. metric=pm10."];
        }
        else if (!MetricCatalogue.TryGet(metric, out found))
        {
            errors["metric"] = [$"Unknown metric '{metric}'. Known metrics: {MetricCatalogue.KnownNames}."];
        }
        else if (set is not null && Comparable(set, found.Name).Count == 0)
        {
            var covered = string.Join(", ", Comparable(set, null).Select(v => v.Metric).Distinct(StringComparer.Ordinal));
            errors["metric"] = [$"The limit set {set.Id} has no values for '{found.Name}'; it has values for {covered}."];
        }

        // The year whose periods have begun to end: at the very first instant of a year, none of it has, and the
        // year before is still the current one.
        var currentYear = calendar.DayOf(now.AddTicks(-1)).Year;
        var calendarYear = currentYear;
        if (!string.IsNullOrWhiteSpace(year))
        {
            if (!int.TryParse(year, NumberStyles.None, CultureInfo.InvariantCulture, out calendarYear))
            {
                errors["year"] = [$"'{year}' is not a year; give a calendar year such as year={currentYear - 1}."];
            }
            else if (calendarYear < FirstYear || calendarYear > currentYear)
            {
                errors["year"] = [$"The year {calendarYear} is outside {FirstYear}–{currentYear}; a later year has not begun ({calendar} calendar)."];
            }
        }

        if (errors.Count > 0)
        {
            return TypedResults.ValidationProblem(errors, title: "The exceedances query is not valid");
        }

        if (!registry.TryGet(station!, out _))
        {
            return StationsApi.UnknownStation(station!);
        }

        var (from, to) = calendar.Year(calendarYear);
        var readTo = now < to ? now : to;
        var (data, hours) = await HourlySource.ReadAsync(store, station!, found!.Name, from, readTo, cancellationToken);
        var options = new ExceedanceOptions { Calendar = calendar, AsOf = now };

        var values = Comparable(set!, found.Name)
            .Select(limit => limit.Period == AveragingPeriod.CalendarYear
                ? LimitComparisonResponse.From(ExceedanceCounter.CompareAnnualMean(limit, calendarYear, hours, options))
                : LimitComparisonResponse.From(ExceedanceCounter.Count(limit, calendarYear, hours, options)))
            .ToList();

        return TypedResults.Ok(new ExceedancesResponse(
            station!, found.Name, calendarYear, calendar.ToString(), from, to, now < to ? now : to,
            LimitSetResponse.From(set!), data, values));
    }

    /// <summary>The set's values the hub can compute for <paramref name="metric"/> (all metrics when null): not the WHO ozone peak season.</summary>
    private static List<LimitValue> Comparable(LimitSet set, string? metric) =>
        [.. set.Values.Where(v => v.Period != AveragingPeriod.PeakSeason && (metric is null || string.Equals(v.Metric, metric, StringComparison.Ordinal)))];
}
