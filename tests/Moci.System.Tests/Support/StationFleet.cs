using Microsoft.Extensions.Logging.Abstractions;
using Moci.Kit.Options;
using Moci.Kit.Publishing;
using Moci.Kit.Simulation;
using Moci.Telemetry.Readings;
using Moci.Telemetry.Stations;

namespace Moci.SystemTests.Support;

/// <summary>
/// Real stations, one <see cref="StationPublisher"/> each, sending simulated one-minute samples to a broker, and
/// keeping every reading they handed to their outbox so that a test can compare it with what the hub stored.
/// Waiting is driven by the stations' acknowledgement events. Thread-safe.
/// </summary>
public sealed class StationFleet : IDisposable
{
    private readonly CancellationTokenSource _stop = new();
    private readonly List<Member> _members = [];
    private readonly StationSimulator _simulator = new(3);
    private readonly string _outboxes = Path.Combine(Path.GetTempPath(), "moci-fleet", Guid.NewGuid().ToString("N"));
    private readonly DateTimeOffset _start;
    private readonly Lock _lock = new();
    private readonly List<Reading> _sent = [];
    private TaskCompletionSource _acknowledgement = new(TaskCreationOptions.RunContinuationsAsynchronously);

    /// <param name="stations">Each station's id, kind and secret.</param>
    /// <param name="options">Where the broker is and the stations' timing; one copy serves every station.</param>
    /// <param name="start">The time of each station's first sample; the next ones follow a minute apart.</param>
    public StationFleet(IEnumerable<(string Id, StationKind Kind, string Secret)> stations, PublisherOptions options, DateTimeOffset start)
    {
        _start = start;
        foreach (var (id, kind, secret) in stations)
        {
            var publisher = new StationPublisher(id, secret, options, new OutboxOptions { Directory = _outboxes }, TimeProvider.System, NullLogger.Instance);
            publisher.Acknowledged += _ => Interlocked.Exchange(ref _acknowledgement, new(TaskCreationOptions.RunContinuationsAsynchronously)).TrySetResult();
            _members.Add(new Member(publisher, kind, publisher.RunAsync(_stop.Token)));
        }
    }

    /// <summary>Minutes of samples waiting for the hub's acknowledgement, all stations together.</summary>
    public int InFlight => (int)_members.Sum(m => m.Publisher.Outbox.ReadingsWaiting / m.ReadingsPerMinute);

    /// <summary>Minutes of samples the hub acknowledged, all stations together (each once).</summary>
    public long Acknowledged => _members.Sum(m => m.Publisher.Outbox.ReadingsAcknowledged / m.ReadingsPerMinute);

    /// <summary>Batches put into the outboxes so far.</summary>
    public int Batches
    {
        get
        {
            lock (_lock)
            {
                return _members.Sum(m => m.Minutes);
            }
        }
    }

    /// <summary>Every reading the stations put into their outboxes, in order.</summary>
    public IReadOnlyList<Reading> Sent
    {
        get
        {
            lock (_lock)
            {
                return [.. _sent];
            }
        }
    }

    /// <summary>The stations: their id, kind and publisher.</summary>
    public IEnumerable<(string Id, StationKind Kind, StationPublisher Publisher)> Stations => _members.Select(m => (m.Publisher.StationId, m.Kind, m.Publisher));

    /// <summary>Puts the next <paramref name="batches"/> minutes of samples into every station's outbox.</summary>
    public void Send(int batches)
    {
        lock (_lock)
        {
            foreach (var member in _members)
            {
                for (var i = 0; i < batches; i++)
                {
                    var sample = _simulator.Sample(member.Publisher.StationId, member.Kind, _start.AddMinutes(member.Minutes++));
                    _sent.AddRange(sample);
                    member.Publisher.Enqueue(sample);
                }
            }
        }
    }

    /// <summary>Waits, acknowledgement by acknowledgement, until <paramref name="condition"/> holds.</summary>
    /// <exception cref="TimeoutException">It did not within <paramref name="timeout"/>; the message says how far the stations got.</exception>
    public async Task WaitUntilAsync(Func<StationFleet, bool> condition, TimeSpan timeout, string what)
    {
        using var deadline = new CancellationTokenSource(timeout);
        while (true)
        {
            var next = Volatile.Read(ref _acknowledgement).Task;
            if (condition(this))
            {
                return;
            }

            try
            {
                await next.WaitAsync(deadline.Token);
            }
            catch (OperationCanceledException)
            {
                throw new TimeoutException($"not reached within {timeout}: {what}; {this}");
            }
        }
    }

    /// <summary>Waits until every outbox is empty: the hub acknowledged every batch.</summary>
    public Task DrainedAsync(TimeSpan timeout) => WaitUntilAsync(f => f.InFlight == 0, timeout, "every outbox empty");

    /// <summary>How far each station got, for failure messages.</summary>
    public override string ToString() => string.Join("; ", _members.Select(m =>
        $"{m.Publisher.StationId}: {m.Minutes} batches, {m.Publisher.Outbox.ReadingsAcknowledged} readings acknowledged, {m.Publisher.Outbox.ReadingsWaiting} waiting, {m.Publisher.Outbox.ReadingsDropped} dropped"));

    /// <summary>Stops the stations (each says offline if it can) and waits for them to end.</summary>
    public void Dispose()
    {
        _stop.Cancel();
        Task.WaitAll([.. _members.Select(m => m.Running)], TimeSpan.FromSeconds(10));
        foreach (var member in _members)
        {
            member.Publisher.Dispose();
        }

        _stop.Dispose();
        try
        {
            Directory.Delete(_outboxes, recursive: true);
        }
        catch (DirectoryNotFoundException)
        {
            // No station got as far as its outbox.
        }
    }

    private sealed class Member(StationPublisher publisher, StationKind kind, Task running)
    {
        public StationPublisher Publisher { get; } = publisher;

        public StationKind Kind { get; } = kind;

        public Task Running { get; } = running;

        public int ReadingsPerMinute { get; } = StationSimulator.MetricsOf(kind).Count;

        /// <summary>Samples put into the outbox so far; the next one is taken this many minutes after the start.</summary>
        public int Minutes { get; set; }
    }
}
