using System.Diagnostics;
using System.Globalization;
using System.Text;
using Moci.Telemetry.Protocol;
using Moci.Telemetry.Readings;
using MQTTnet;
using MQTTnet.Formatter;
using MQTTnet.Protocol;

namespace Moci.Benchmarks;

/// <summary>
/// One station of the soak, as a kit behaves: its own MQTT connection with its secret, QoS 1 SenML batches of ten
/// readings with their <c>seq</c>, at most <c>window</c> batches not yet acknowledged by the hub (the rest wait their
/// turn), a batch not acknowledged within the ack time-out sent again with the same <c>seq</c>, and everything in
/// flight sent again after a reconnect. Records, for every batch, when it was first published and when the hub's
/// acknowledgement arrived. Thread-safe: the scheduler, the ack handler and the resend timer meet under one lock.
/// </summary>
internal sealed class SoakStation(string id, int index, string secret, int port, int window, TimeSpan ackTimeout)
{
    // Ten readings a batch from one air kit: its eight metrics at the batch's time, PM2.5 and PM10 again half a
    // period later (the hub refuses water metrics from an air station, so ten different metrics cannot come from one kit).
    private static readonly (string Metric, double Level, bool HalfLater)[] Batch =
    [
        ("pm1", 8, false), ("pm2_5", 12, false), ("pm10", 20, false), ("temperature", 15, false), ("humidity", 60, false),
        ("pressure", 1013, false), ("co2", 420, false), ("battery_voltage", 5.1, false), ("pm2_5", 12, true), ("pm10", 20, true),
    ];

    private readonly IMqttClient _client = new MqttClientFactory().CreateMqttClient();
    private readonly Lock _lock = new();
    private readonly Dictionary<long, Sent> _inFlight = [];
    private readonly Queue<long> _waiting = new();

    // Per batch (index = seq - 1): seconds since the start when first published, and the lag to its ack in ms (NaN: none).
    private readonly List<float> _firstPublished = [];
    private readonly List<float> _lagMilliseconds = [];
    private SoakSchedule? _schedule;
    private bool _connected;
    private bool _stopping;

    public const int ReadingsPerBatch = 10;

    public string Id => id;

    public int Index => index;

    public int Resent { get; private set; }

    public int PublishFailures { get; private set; }

    public int Disconnects { get; private set; }

    public int InFlight
    {
        get
        {
            lock (_lock)
            {
                return _inFlight.Count;
            }
        }
    }

    public int Waiting
    {
        get
        {
            lock (_lock)
            {
                return _waiting.Count;
            }
        }
    }

    /// <summary>Batches published at least once.</summary>
    public int Published
    {
        get
        {
            lock (_lock)
            {
                return _firstPublished.Count;
            }
        }
    }

    public int Acknowledged { get; private set; }

    public async Task ConnectAsync()
    {
        _client.ApplicationMessageReceivedAsync += e =>
        {
            if (BatchAck.TryParse(e.ApplicationMessage.Payload, out var ack))
            {
                OnAck(ack.Sequences);
            }

            return Task.CompletedTask;
        };
        _client.DisconnectedAsync += e =>
        {
            lock (_lock)
            {
                if (_stopping || !_connected)
                {
                    return Task.CompletedTask;
                }

                _connected = false;
                Disconnects++;
            }

            _ = Task.Run(ReconnectAsync);
            return Task.CompletedTask;
        };
        await OpenAsync();
        lock (_lock)
        {
            _connected = true;
        }
    }

    /// <summary>Sets the timetable, fixed once every station is connected; before any <see cref="Due"/>.</summary>
    public void Start(SoakSchedule schedule) => _schedule = schedule;

    /// <summary>The scheduler's call: batch <paramref name="batch"/> (0, 1, …) is due now; it leaves at once unless the window is full.</summary>
    public void Due(long batch)
    {
        lock (_lock)
        {
            _waiting.Enqueue(batch);
        }

        SendWhatFits();
    }

    /// <summary>
    /// The end of the timetable: batches still held back by a full window are dropped unpublished (and returned as a
    /// count), so the run ends with the drain of what is in flight and counts only what was published.
    /// </summary>
    public int EndSchedule()
    {
        lock (_lock)
        {
            var dropped = _waiting.Count;
            _waiting.Clear();
            NeverPublished += dropped;
            return dropped;
        }
    }

    /// <summary>Batches the timetable made due that were never published (<see cref="EndSchedule"/>).</summary>
    public int NeverPublished { get; private set; }

    /// <summary>Sends again every batch whose acknowledgement is overdue (the kit's ack time-out).</summary>
    public void ResendOverdue()
    {
        var now = Stopwatch.GetTimestamp();
        List<long>? overdue = null;
        lock (_lock)
        {
            if (!_connected)
            {
                return;
            }

            foreach (var (sequence, sent) in _inFlight)
            {
                if (Stopwatch.GetElapsedTime(sent.LastTicks, now) > ackTimeout)
                {
                    (overdue ??= []).Add(sequence);
                }
            }

            foreach (var sequence in overdue ?? [])
            {
                _inFlight[sequence] = _inFlight[sequence] with { LastTicks = now };
                Resent++;
            }
        }

        foreach (var sequence in overdue ?? [])
        {
            Publish(sequence);
        }
    }

    /// <summary>Per batch, in <c>seq</c> order: first publication (s since the start) and lag to the ack (ms, NaN if none).</summary>
    public (float[] FirstPublished, float[] LagMilliseconds) Results()
    {
        lock (_lock)
        {
            return ([.. _firstPublished], [.. _lagMilliseconds]);
        }
    }

    public async Task StopAsync()
    {
        lock (_lock)
        {
            _stopping = true;
        }

        try
        {
            await _client.DisconnectAsync();
        }
        catch (MQTTnet.Exceptions.MqttCommunicationException)
        {
            // Already gone: nothing to close.
        }

        _client.Dispose();
    }

    private async Task OpenAsync()
    {
        var options = new MqttClientOptionsBuilder()
            .WithTcpServer("127.0.0.1", port)
            .WithClientId(id)
            .WithCredentials(id, secret)
            .WithProtocolVersion(MqttProtocolVersion.V500)
            .WithCleanStart(true)
            .WithKeepAlivePeriod(TimeSpan.FromSeconds(60))
            .WithTimeout(TimeSpan.FromSeconds(60))
            .Build();
        await _client.ConnectAsync(options);
        await _client.SubscribeAsync(new MqttClientFactory().CreateSubscribeOptionsBuilder()
            .WithTopicFilter(f => f.WithTopic(WireTopics.Ack(id)).WithAtLeastOnceQoS())
            .Build());
    }

    /// <summary>Reconnects with a doubling back-off (0.5–8 s), then sends everything in flight again, as the kit does.</summary>
    private async Task ReconnectAsync()
    {
        for (var delay = TimeSpan.FromMilliseconds(500); ; delay = TimeSpan.FromTicks(Math.Min(delay.Ticks * 2, TimeSpan.FromSeconds(8).Ticks)))
        {
            await Task.Delay(delay);
            lock (_lock)
            {
                if (_stopping)
                {
                    return;
                }
            }

            try
            {
                await OpenAsync();
                break;
            }
            catch (Exception ex) when (ex is MQTTnet.Exceptions.MqttCommunicationException or OperationCanceledException or InvalidOperationException)
            {
                Console.Error.WriteLine($"{id}: reconnect failed: {ex.Message}");
            }
        }

        List<long> again;
        var now = Stopwatch.GetTimestamp();
        lock (_lock)
        {
            _connected = true;
            again = [.. _inFlight.Keys.Order()];
            foreach (var sequence in again)
            {
                _inFlight[sequence] = _inFlight[sequence] with { LastTicks = now };
            }

            Resent += again.Count;
        }

        again.ForEach(Publish);
        SendWhatFits();
    }

    private void OnAck(IReadOnlyList<long> sequences)
    {
        var now = Stopwatch.GetTimestamp();
        lock (_lock)
        {
            foreach (var sequence in sequences)
            {
                if (_inFlight.Remove(sequence, out var sent))
                {
                    _lagMilliseconds[(int)(sequence - 1)] = (float)Stopwatch.GetElapsedTime(sent.FirstTicks, now).TotalMilliseconds;
                    Acknowledged++;
                }
            }
        }

        SendWhatFits();
    }

    private void SendWhatFits()
    {
        List<long>? send = null;
        var now = Stopwatch.GetTimestamp();
        lock (_lock)
        {
            while (_connected && _inFlight.Count < window && _waiting.TryDequeue(out var batch))
            {
                var sequence = batch + 1;
                _inFlight[sequence] = new Sent(now, now);
                while (_firstPublished.Count < sequence)
                {
                    _firstPublished.Add(float.NaN);
                    _lagMilliseconds.Add(float.NaN);
                }

                _firstPublished[(int)batch] = (float)Schedule.Seconds(now);
                (send ??= []).Add(sequence);
            }
        }

        send?.ForEach(Publish);
    }

    private void Publish(long sequence)
    {
        var message = new MqttApplicationMessageBuilder()
            .WithTopic(WireTopics.Readings(id))
            .WithPayload(Payload(sequence - 1))
            .WithContentType(WireProtocol.SenMLContentType)
            .WithQualityOfServiceLevel(MqttQualityOfServiceLevel.AtLeastOnce)
            .WithUserProperty(WireProtocol.SequenceProperty, Encoding.UTF8.GetBytes(sequence.ToString(CultureInfo.InvariantCulture)).AsMemory())
            .Build();
        _client.PublishAsync(message).ContinueWith(
            t =>
            {
                // Left in flight: the ack time-out or the reconnect sends it again.
                if (!t.IsCompletedSuccessfully || !t.Result.IsSuccess)
                {
                    lock (_lock)
                    {
                        PublishFailures++;
                    }
                }
            },
            TaskScheduler.Default);
    }

    /// <summary>
    /// Batch <paramref name="batch"/>'s pack. Its readings are at the batch's scheduled time (whole ms) and half a
    /// station period later, so every (station, metric, time) is published by one batch only; a batch sent again
    /// is the same pack.
    /// </summary>
    private byte[] Payload(long batch)
    {
        var at = Schedule.BatchTime(index, batch);
        var half = Schedule.HalfPeriod;
        var readings = new Reading[Batch.Length];
        for (var i = 0; i < Batch.Length; i++)
        {
            var (metric, level, halfLater) = Batch[i];
            var value = Math.Round(level * (1 + (0.05 * Math.Sin((batch / 60.0) + i))), 2);
            readings[i] = new Reading(id, metric, halfLater ? at + half : at, value);
        }

        return StationPack.Encode(id, readings);
    }

    private SoakSchedule Schedule => _schedule ?? throw new InvalidOperationException("the station has no timetable yet");

    private readonly record struct Sent(long FirstTicks, long LastTicks);
}
