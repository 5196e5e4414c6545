using System.Runtime.CompilerServices;
using InfluxDB.Client;
using InfluxDB.Client.Api.Domain;
using InfluxDB.Client.Core.Exceptions;
using InfluxDB.Client.Writes;
using Moci.Telemetry.Readings;
using Moci.Telemetry.Time;

namespace Moci.Ingest.Storage.Influx;

/// <summary>
/// Readings in an InfluxDB 2.x bucket, through InfluxDB.Client: one point per reading (schema in
/// <see cref="InfluxSchema"/>), written in batches with the client's asynchronous write API, read with Flux
/// (<see cref="FluxQueries"/>). A point's key is (measurement, tags, time), so writing a reading again overwrites it:
/// the last copy wins and the write cannot tell new readings from duplicates or conflicts
/// (<see cref="WriteResult.Unclassified"/>). Rollups are aggregated from the points when they are read, so they are
/// always in step with them. Thread-safe: the client is, and the store keeps no other state.
/// </summary>
public sealed class InfluxReadingStore : IReadingStore, IDisposable
{
    /// <summary>Points sent in one request: InfluxDB's own advice for the size of a write batch.</summary>
    public const int PointsPerRequest = 5_000;

    private readonly InfluxDBClient _client;
    private readonly WriteApiAsync _writer;
    private readonly QueryApi _query;
    private readonly TimeProvider _time;

    /// <summary>Connects (lazily: nothing is sent until the first call) to <paramref name="endpoint"/>.</summary>
    /// <param name="endpoint">Server, token, organisation and bucket.</param>
    /// <param name="time">The hub's clock, which bounds "latest"; the system clock when null.</param>
    /// <param name="timeout">How long one request may take; 30 seconds when null.</param>
    public InfluxReadingStore(InfluxEndpoint endpoint, TimeProvider? time = null, TimeSpan? timeout = null)
    {
        Endpoint = endpoint;
        _time = time ?? TimeProvider.System;
        _client = new InfluxDBClient(new InfluxDBClientOptions(endpoint.Url)
        {
            Token = endpoint.Token,
            Org = endpoint.Org,
            Bucket = endpoint.Bucket,
            Timeout = timeout ?? TimeSpan.FromSeconds(30),
        });
        _writer = _client.GetWriteApiAsync();
        _query = _client.GetQueryApi();
    }

    /// <summary>Where the store writes.</summary>
    public InfluxEndpoint Endpoint { get; }

    /// <inheritdoc />
    /// <exception cref="ArgumentException">A value is not a finite number: line protocol cannot carry it. Nothing of the batch is sent.</exception>
    /// <exception cref="InfluxException">The server refused a request or could not be reached; earlier requests of the batch may have been stored, which a retry overwrites with the same points.</exception>
    public async Task<WriteResult> WriteAsync(IReadOnlyList<Reading> readings, CancellationToken cancellationToken = default)
    {
        if (readings.Count == 0)
        {
            return WriteResult.Unclassified(0);
        }

        var points = new List<PointData>(Math.Min(readings.Count, PointsPerRequest));
        foreach (var reading in readings)
        {
            if (!double.IsFinite(reading.Value))
            {
                throw new ArgumentException(
                    $"reading {reading.StationId}/{reading.Metric} at {reading.Timestamp:O} has value {reading.Value}, which InfluxDB cannot store",
                    nameof(readings));
            }
        }

        // The client's asynchronous write API sends each call as one request and throws when the server refuses
        // it; its batching write API would retry on its own but report failures only through events, after the
        // intake had acknowledged. Here a failure reaches the batch writer, which retries the whole batch.
        for (var start = 0; start < readings.Count; start += PointsPerRequest)
        {
            points.Clear();
            for (var i = start; i < Math.Min(start + PointsPerRequest, readings.Count); i++)
            {
                points.Add(Point(readings[i]));
            }

            await _writer.WritePointsAsync(points, Endpoint.Bucket, Endpoint.Org, cancellationToken);
        }

        return WriteResult.Unclassified(readings.Count);
    }

    /// <summary>A reading as a point: millisecond precision, the key precision of the SQLite store.</summary>
    internal static PointData Point(Reading reading) => PointData.Measurement(InfluxSchema.Measurement)
        .Tag(InfluxSchema.StationTag, reading.StationId)
        .Tag(InfluxSchema.MetricTag, reading.Metric)
        .Field(InfluxSchema.ValueField, reading.Value)
        .Field(InfluxSchema.FlagsField, (long)reading.Flags)
        .Timestamp(reading.Timestamp.ToUnixTimeMilliseconds(), WritePrecision.Ms);

    /// <inheritdoc />
    public async IAsyncEnumerable<Reading> ReadAsync(
        string stationId,
        string metric,
        TimeRange range,
        [EnumeratorCancellation] CancellationToken cancellationToken = default)
    {
        var flux = FluxQueries.Readings(Endpoint.Bucket, stationId, metric, range);
        await foreach (var record in QueryAsync(flux, cancellationToken))
        {
            yield return new Reading(stationId, metric, Time(record), Double(record, InfluxSchema.ValueField), Flags(record));
        }
    }

    /// <inheritdoc />
    public async IAsyncEnumerable<Rollup> ReadRollupsAsync(
        string stationId,
        string metric,
        RollupPeriod period,
        TimeRange range,
        [EnumeratorCancellation] CancellationToken cancellationToken = default)
    {
        var flux = FluxQueries.Rollups(Endpoint.Bucket, stationId, metric, period, range);
        await foreach (var record in QueryAsync(flux, cancellationToken))
        {
            var valid = Long(record, "validCount");
            yield return new Rollup(
                Time(record),
                Long(record, "count"),
                valid,
                valid > 0 ? Double(record, "validSum") : 0,
                valid > 0 ? Double(record, "validMin") : null,
                valid > 0 ? Double(record, "validMax") : null);
        }
    }

    /// <inheritdoc />
    public async Task<TimeSpan?> TypicalIntervalAsync(string stationId, string metric, DateTimeOffset before, CancellationToken cancellationToken = default)
    {
        var flux = FluxQueries.NewestTimes(Endpoint.Bucket, stationId, metric, before, SqliteReadingStore.IntervalSample + 1);
        var times = new List<long>(SqliteReadingStore.IntervalSample + 1);
        await foreach (var record in QueryAsync(flux, cancellationToken))
        {
            times.Add(Time(record).ToUnixTimeMilliseconds());
        }

        if (times.Count < 2)
        {
            return null;
        }

        times.Sort();
        var gaps = new long[times.Count - 1];
        for (var i = 1; i < times.Count; i++)
        {
            gaps[i - 1] = times[i] - times[i - 1];
        }

        // The same median as the SQLite store takes: the upper middle of an even count.
        Array.Sort(gaps);
        return TimeSpan.FromMilliseconds(gaps[gaps.Length / 2]);
    }

    /// <inheritdoc />
    public async Task<IReadOnlyList<Reading>> LatestAsync(string? stationId = null, CancellationToken cancellationToken = default)
    {
        var flux = FluxQueries.Latest(Endpoint.Bucket, stationId, _time.GetUtcNow());
        var latest = new List<Reading>();
        await foreach (var record in QueryAsync(flux, cancellationToken))
        {
            latest.Add(new Reading(
                String(record, InfluxSchema.StationTag),
                String(record, InfluxSchema.MetricTag),
                Time(record),
                Double(record, InfluxSchema.ValueField),
                Flags(record)));
        }

        latest.Sort((a, b) => (string.CompareOrdinal(a.StationId, b.StationId), string.CompareOrdinal(a.Metric, b.Metric)) switch
        {
            (not 0 and var station, _) => station,
            (_, var metricOrder) => metricOrder,
        });
        return latest;
    }

    /// <summary>How many readings each series holds, keyed by (station, metric); for checking a copy.</summary>
    public async Task<IReadOnlyDictionary<(string Station, string Metric), long>> CountPerSeriesAsync(CancellationToken cancellationToken = default)
    {
        var counts = new Dictionary<(string, string), long>();
        await foreach (var record in QueryAsync(FluxQueries.CountPerSeries(Endpoint.Bucket), cancellationToken))
        {
            counts[(String(record, InfluxSchema.StationTag), String(record, InfluxSchema.MetricTag))] = Long(record, "_value");
        }

        return counts;
    }

    /// <summary>
    /// Checks, before the hub takes readings, that the settings work: the server answers, the token is accepted,
    /// the bucket exists and belongs to the organisation. Throws with a message naming the setting to fix.
    /// </summary>
    /// <param name="settings">The configuration section the endpoint came from, for the message (<c>Storage:InfluxDB</c>).</param>
    /// <exception cref="InvalidOperationException">A setting does not work; the message names it and says why.</exception>
    public async Task VerifyAsync(string settings, CancellationToken cancellationToken = default)
    {
        if (!await PingAsync())
        {
            throw new InvalidOperationException($"{settings}:Url '{Endpoint.Url}' does not answer as InfluxDB (GET /ping failed): check the address and that InfluxDB 2.x runs there.");
        }

        Bucket? bucket;
        try
        {
            bucket = await _client.GetBucketsApi().FindBucketByNameAsync(Endpoint.Bucket, cancellationToken);
        }
        catch (UnauthorizedException)
        {
            throw new InvalidOperationException($"{settings}:Token is not accepted by {Endpoint.Url} (401): give an API token of organisation '{Endpoint.Org}' (influx auth list).");
        }
        catch (ForbiddenException)
        {
            throw new InvalidOperationException($"{settings}:Token may not read bucket '{Endpoint.Bucket}' (403): give a token with read and write access to it.");
        }
        catch (HttpException ex)
        {
            throw new InvalidOperationException($"{settings}:Url '{Endpoint.Url}' answered {ex.Status} to a bucket lookup ({ex.Message}): is it InfluxDB 2.x?", ex);
        }

        if (bucket is null)
        {
            throw new InvalidOperationException($"{settings}:Bucket '{Endpoint.Bucket}' does not exist at {Endpoint.Url}, or the token cannot see it: create it (influx bucket create -n {Endpoint.Bucket}) or fix the name.");
        }

        if (string.Equals(bucket.OrgID, Endpoint.Org, StringComparison.Ordinal))
        {
            return;
        }

        List<Organization>? organizations;
        try
        {
            organizations = await _client.GetOrganizationsApi().FindOrganizationsAsync(org: Endpoint.Org, cancellationToken: cancellationToken);
        }
        catch (HttpException ex) when (ex.Status is 403 or 404)
        {
            // A token scoped to the bucket alone may not list organisations; the first write then tells.
            return;
        }

        if (organizations is not { Count: > 0 })
        {
            throw new InvalidOperationException($"{settings}:Org '{Endpoint.Org}' is not an organisation at {Endpoint.Url}: give its name or id (influx org list).");
        }

        if (organizations.TrueForAll(o => o.Id != bucket.OrgID))
        {
            throw new InvalidOperationException($"{settings}:Bucket '{Endpoint.Bucket}' belongs to another organisation than {settings}:Org '{Endpoint.Org}'.");
        }
    }

    /// <summary>True when the server answers its <c>/ping</c> endpoint.</summary>
    public async Task<bool> PingAsync()
    {
        try
        {
            return await _client.PingAsync();
        }
        catch (Exception ex) when (ex is HttpRequestException or InfluxException or TaskCanceledException)
        {
            return false;
        }
    }

    /// <summary>
    /// Runs a Flux query and reads its answer. The answer is taken whole and then read (see <see cref="AnnotatedCsv"/>
    /// for why not through the client's parser): about 40 bytes a reading, so 20 MB for a year of one-minute readings.
    /// </summary>
    private async IAsyncEnumerable<FluxRow> QueryAsync(string flux, [EnumeratorCancellation] CancellationToken cancellationToken)
    {
        var csv = await _query.QueryRawAsync(flux, org: Endpoint.Org, cancellationToken: cancellationToken);
        foreach (var row in AnnotatedCsv.Parse(csv))
        {
            cancellationToken.ThrowIfCancellationRequested();
            yield return row;
        }
    }

    private static DateTimeOffset Time(FluxRow record) => record.Time();

    private static double Double(FluxRow record, string column) => record.Double(column);

    private static long Long(FluxRow record, string column) => record.Long(column);

    private static string String(FluxRow record, string column) => record.String(column);

    private static QaFlags Flags(FluxRow record) => (QaFlags)record.Long(InfluxSchema.FlagsField);

    /// <summary>Closes the client's connections.</summary>
    public void Dispose() => _client.Dispose();
}
