using System.Globalization;
using Microsoft.AspNetCore.Http.HttpResults;
using Moci.Ingest.Stations;
using Moci.Ingest.Storage;
using Moci.Telemetry.Indices;
using Moci.Telemetry.Limits;
using Moci.Telemetry.Metrics;
using Moci.Telemetry.Stations;

namespace Moci.Ingest.Apis;

/// <summary>
/// <c>/api/v1/index</c>: a station's index band per pollutant at a time, computed from the store's hourly rollups. Air
/// (and mobile) stations: PM2.5 and PM10 with the European Air Quality Index, classic and 2024 tables (24-hour
/// running mean, 18 of 24 hours), and the US AQI of 2024 (24-hour mean, 18 of 24 hours). Water stations: pH and
/// water temperature against the fish-life values of Directive 2006/44/EC, dissolved oxygen in mg/L (Swedish EPA
/// classes) and as % saturation (GQA grades), each from the last whole hour's mean.
/// </summary>
public static class IndexApi
{
    /// <summary>How far back the readings of each metric are read: the longest window, 24 hours.</summary>
    private static readonly TimeSpan ReadBack = TimeSpan.FromHours(24);

    public static RouteGroupBuilder MapIndexApi(this IEndpointRouteBuilder app)
    {
        var group = app.MapGroup("/api/v1/index").WithTags("Limits");
        group.MapGet("/", GetIndex)
            .WithSummary("A station's index band per pollutant at a time, with its averaging window and the data behind it")
            .Produces<IndexResponse>()
            .ProducesValidationProblem()
            .ProducesProblem(StatusCodes.Status404NotFound);
        return group;
    }

    public static async Task<Results<Ok<IndexResponse>, ValidationProblem, ProblemHttpResult>> GetIndex(
        string? station,
        string? at,
        StationRegistry registry,
        IReadingStore store,
        TimeProvider time,
        CancellationToken cancellationToken)
    {
        var errors = new Dictionary<string, string[]>();
        var now = time.GetUtcNow();
        if (string.IsNullOrWhiteSpace(station))
        {
            errors["station"] = ["Give the station id, e.g. station=rrg-school-01."];
        }

        var instant = now;
        if (!string.IsNullOrWhiteSpace(at))
        {
            if (!DateTimeOffset.TryParse(at, CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal | DateTimeStyles.AdjustToUniversal, out instant))
            {
                errors["at"] = [$"'{at}' is not an ISO 8601 date and time; use UTC such as 2026-11-25T08:00:00Z, or leave it out for now."];
            }
            else if (instant > now)
            {
                errors["at"] = [$"'at' ({instant:O}) is later than the hub's clock ({now:O}); an index needs hours that have ended."];
            }
            else if (instant - DateTimeOffset.MinValue < ReadBack + TimeSpan.FromHours(1))
            {
                errors["at"] = [$"'at' ({instant:O}) is too early for a 24-hour window."];
            }
        }

        if (errors.Count > 0)
        {
            return TypedResults.ValidationProblem(errors, title: "The index query is not valid");
        }

        if (!registry.TryGet(station!, out var found))
        {
            return StationsApi.UnknownStation(station!);
        }

        var end = new DateTimeOffset(instant.UtcTicks - instant.UtcTicks % TimeSpan.TicksPerHour, TimeSpan.Zero);
        var from = end - ReadBack;
        var pollutants = found.Kind == StationKind.Water
            ? await WaterAsync(store, found.Id, from, end, instant, cancellationToken)
            : await AirAsync(store, found.Id, from, end, instant, cancellationToken);

        return TypedResults.Ok(new IndexResponse(found.Id, found.Kind, instant, end, pollutants));
    }

    private static async Task<List<IndexPollutantResponse>> AirAsync(
        IReadingStore store, string station, DateTimeOffset from, DateTimeOffset end, DateTimeOffset at, CancellationToken cancellationToken)
    {
        var result = new List<IndexPollutantResponse>();
        foreach (var metric in new[] { MetricCatalogue.Pm2_5, MetricCatalogue.Pm10 })
        {
            var (data, hours) = await ReadAsync(store, station, metric, from, end, cancellationToken);
            IndexValueResponse[] indices =
            [
                .. new[] { EaqiTable.Classic, EaqiTable.Revised2024 }.Select(table => IndexValueResponse.From(
                    EuropeanAirQualityIndex.Compute(table.Version, metric.Name, hours, at), table.Edition, metric.UnitSymbol)),
                IndexValueResponse.From(
                    UsAirQualityIndex.ForTrailing24Hours(metric.Name, hours, at), UsAqiTable.Y2024.Edition, metric.UnitSymbol),
            ];
            result.Add(new IndexPollutantResponse(metric.Name, metric.Label, metric.UnitSymbol, data, indices));
        }

        return result;
    }

    private static async Task<List<IndexPollutantResponse>> WaterAsync(
        IReadingStore store, string station, DateTimeOffset from, DateTimeOffset end, DateTimeOffset at, CancellationToken cancellationToken)
    {
        var (phData, ph) = await ReadAsync(store, station, MetricCatalogue.Ph, from, end, cancellationToken);
        var (temperatureData, temperature) = await ReadAsync(store, station, MetricCatalogue.WaterTemperature, from, end, cancellationToken);
        var (oxygenData, oxygen) = await ReadAsync(store, station, MetricCatalogue.DissolvedOxygen, from, end, cancellationToken);

        return
        [
            Water(MetricCatalogue.Ph, phData, Scheme(WaterBands.FishLifePh, ph, at)),
            Water(MetricCatalogue.WaterTemperature, temperatureData, Scheme(WaterBands.FishLifeTemperature, temperature, at)),
            Water(MetricCatalogue.DissolvedOxygen, oxygenData,
                Scheme(WaterBands.SwedishOxygen, oxygen, at),
                IndexValueResponse.From(WaterBands.ReadOxygenSaturation(oxygen, temperature, at), Source(WaterBands.GqaOxygenSaturation),
                    WaterBands.GqaOxygenSaturation.UnitSymbol)),
        ];

        static IndexPollutantResponse Water(Metric metric, HourlyDataResponse data, params IndexValueResponse[] indices) =>
            new(metric.Name, metric.Label, metric.UnitSymbol, data, indices);

        static IndexValueResponse Scheme(WaterBandScheme scheme, IReadOnlyList<PeriodAggregate> hours, DateTimeOffset at) =>
            IndexValueResponse.From(scheme.Read(hours, at), Source(scheme), scheme.UnitSymbol);

        static string Source(WaterBandScheme scheme) => $"{scheme.Title}: {scheme.Source}";
    }

    private static Task<(HourlyDataResponse Data, IReadOnlyList<PeriodAggregate> Hours)> ReadAsync(
        IReadingStore store, string station, Metric metric, DateTimeOffset from, DateTimeOffset end, CancellationToken cancellationToken) =>
        HourlySource.ReadAsync(store, station, metric.Name, from, end, cancellationToken);
}
