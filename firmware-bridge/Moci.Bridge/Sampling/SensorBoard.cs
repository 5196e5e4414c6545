using System.Collections.Concurrent;

namespace Moci.Bridge.Sampling;

/// <summary>The latest status of every configured sensor, written by the samplers, read by the health report. Thread-safe.</summary>
internal sealed class SensorBoard
{
    private readonly ConcurrentDictionary<string, SensorStatus> _statuses = new(StringComparer.Ordinal);

    /// <summary>Every sensor's status, by name.</summary>
    public IReadOnlyList<SensorStatus> All => [.. _statuses.Values.OrderBy(s => s.Name, StringComparer.Ordinal)];

    /// <summary>
    /// Lists a configured sensor before its first read, as <see cref="SensorState.Ok"/> with nothing sampled yet, so that
    /// the health report sent at start names every sensor; a status already recorded is kept.
    /// </summary>
    public void Configured(string name, string type) =>
        _statuses.TryAdd(name, new SensorStatus(name, type, SensorState.Ok, null, null, null));

    /// <summary>Records that the sensor gave values at <paramref name="at"/>.</summary>
    public void Sampled(string name, string type, DateTimeOffset at) =>
        _statuses.AddOrUpdate(name, _ => new SensorStatus(name, type, SensorState.Ok, null, null, at), (_, s) => s with { State = SensorState.Ok, LastSampleAt = at });

    /// <summary>Records a failure: <see cref="SensorState.Missing"/> when it could not be opened, else <see cref="SensorState.Failing"/>.</summary>
    public void Failed(string name, string type, SensorState state, string error, DateTimeOffset at) =>
        _statuses.AddOrUpdate(name, _ => new SensorStatus(name, type, state, error, at, null), (_, s) => s with { State = state, LastError = error, LastErrorAt = at });
}
