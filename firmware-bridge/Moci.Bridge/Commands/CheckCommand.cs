using System.CommandLine;
using System.Globalization;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;
using Moci.Bridge.Configuration;
using Moci.Bridge.Sampling;
using Moci.Bridge.Sensors;

namespace Moci.Bridge.Commands;

/// <summary>
/// <c>moci-bridge check</c>: checks the configuration, reads every enabled sensor once and connects to the broker with
/// the station's credentials; prints a table of what works and what does not, with a hint for each failure. With
/// <c>--raw</c> it also prints each sensor's raw values (an analogue probe's volts), to calibrate probes with.
/// </summary>
internal sealed class CheckCommand : Command
{
    /// <summary>How long one sensor may take to give its first values (an SCD4x needs 5 s).</summary>
    public static readonly TimeSpan SensorTimeout = TimeSpan.FromSeconds(15);

    private readonly BridgeContext _context;
    private readonly ConfigOption _config = new();

    private readonly Option<bool> _raw = new("--raw")
    {
        Description = "Also print each sensor's raw values: an analogue probe's volts (pH, turbidity, conductivity) before "
            + "its calibration, to calibrate it with; other sensors' values at full precision.",
    };

    public CheckCommand(BridgeContext context)
        : base("check", """
            Check the station: the configuration file first (each wrong setting is named with its fix), then every
            enabled sensor is read once and the hub's broker is connected to with the station's id and secret.
            Prints a table of what works and what does not, with a hint for each failure. Safe beside a running
            bridge only for the broker: stop the service first (sudo systemctl stop moci-bridge), since a sensor
            cannot be read by two programs at once.
            """)
    {
        _context = context;
        Options.Add(_config);
        Options.Add(_raw);
        SetAction(RunAsync);
    }

    private async Task<int> RunAsync(ParseResult result, CancellationToken cancellationToken)
    {
        var path = _config.Resolve(result, _context);
        if (await BridgeConfiguration.LoadAsync(path, _context) is not { } configuration)
        {
            return ExitCodes.BadConfiguration;
        }

        var services = new ServiceCollection();
        services.AddSingleton(_context.Files);
        services.AddBridgeOptions(configuration);
        await using var provider = services.BuildServiceProvider();
        var problems = OptionsRegistration.Problems(provider);
        if (problems.Count > 0)
        {
            await _context.Error.WriteLineAsync($"{Path.GetFullPath(path)} cannot be used:");
            foreach (var problem in problems)
            {
                await _context.Error.WriteLineAsync("  " + problem);
            }

            return ExitCodes.BadConfiguration;
        }

        var results = new List<ProbeResult>();
        foreach (var sensor in provider.GetRequiredService<IOptions<SensorListOptions>>().Value.Sensors)
        {
            results.Add(sensor.Enabled
                ? await ProbeSensorAsync(sensor, cancellationToken)
                : new ProbeResult($"{sensor.DisplayName} ({sensor.Type})", true, "disabled (\"enabled\": false): not read"));
        }

        var station = provider.GetRequiredService<IOptions<StationOptions>>().Value;
        StationSecret.TryRead(station, _context.Files, out var secret, out _);
        var broker = StationRegistration.ToPublisherOptions(provider.GetRequiredService<IOptions<BrokerOptions>>().Value);
        results.Add(await BrokerProbe.ProbeAsync(station.Id, secret!, broker, cancellationToken));

        await WriteTableAsync(results);
        if (result.GetValue(_raw))
        {
            await WriteRawAsync(results);
        }

        var failed = results.Count(r => !r.Works);
        await _context.Out.WriteLineAsync(failed == 0
            ? "Everything works."
            : string.Create(CultureInfo.InvariantCulture, $"{failed} of {results.Count} do not work; see the hints above."));
        return failed == 0 ? ExitCodes.Success : ExitCodes.CheckFailed;
    }

    private async Task<ProbeResult> ProbeSensorAsync(SensorOptions options, CancellationToken cancellationToken)
    {
        var what = $"{options.DisplayName} ({options.Type})";
        var type = SensorTypes.All[options.Type];
        ISensor? sensor = null;
        try
        {
            sensor = _context.Drivers.Open(options);
            using var timeout = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
            timeout.CancelAfter(SensorTimeout);
            while (true)
            {
                var values = await sensor.ReadAsync(timeout.Token);
                if (values.Count > 0)
                {
                    return new ProbeResult(what, true, string.Join(", ", values.Select(v => $"{v.Metric.Name} {v.Metric.Format(v.Value, CultureInfo.InvariantCulture)}")),
                        Raw: RawText(sensor, values));
                }

                await Task.Delay(TimeSpan.FromSeconds(1), timeout.Token);
            }
        }
        catch (SensorException ex)
        {
            return new ProbeResult(what, false, ex.Message, "wiring: " + type.Wiring, RawText(sensor, []));
        }
        catch (OperationCanceledException) when (!cancellationToken.IsCancellationRequested)
        {
            return new ProbeResult(what, false, $"no values within {Duration.Format(SensorTimeout)}", "wiring: " + type.Wiring, RawText(sensor, []));
        }
        finally
        {
            sensor?.Dispose();
        }
    }

    /// <summary>
    /// What <c>--raw</c> prints of a sensor: an analogue probe's volts (also when its calibration refused them), else its
    /// values at full precision in their units, with what the driver counted (frames, checksums, a GPS fix).
    /// </summary>
    private static string RawText(ISensor? sensor, IReadOnlyList<Measurement> values)
    {
        var inner = sensor is LeasedSensor leased ? leased.Inner : sensor;
        var parts = inner is IRawSensor { LastRaw: { Count: > 0 } raw }
            ? raw.Select(r => $"{r.Name} {Number(r.Value)} {r.Unit}")
            : values.Select(v => $"{v.Metric.Name} {Number(v.Value)} {v.Metric.UnitSymbol}");
        var text = string.Join(", ", parts);
        if (inner is not null && SensorDiagnostics.Describe(inner) is { } counted)
        {
            text = text.Length == 0 ? counted : $"{text}; {counted}";
        }

        return text.Length == 0 ? "none: the sensor gave nothing to convert" : text;

        // Up to five decimals: the ADS1115 resolves 125 µV at its ±4.096 V range (TI SBAS444, table 3).
        static string Number(double value) => value.ToString("0.#####", CultureInfo.InvariantCulture);
    }

    private async Task WriteRawAsync(IReadOnlyList<ProbeResult> results)
    {
        var read = results.Where(r => r.Raw is not null).ToList();
        if (read.Count == 0)
        {
            return;
        }

        var width = Math.Max("RAW".Length, read.Max(r => r.What.Length));
        await _context.Out.WriteLineAsync();
        await _context.Out.WriteLineAsync($"{"RAW".PadRight(width)}  VALUES BEFORE CALIBRATION");
        foreach (var result in read)
        {
            await _context.Out.WriteLineAsync($"{result.What.PadRight(width)}  {result.Raw}");
        }
    }

    private async Task WriteTableAsync(IReadOnlyList<ProbeResult> results)
    {
        var width = Math.Max("WHAT".Length, results.Max(r => r.What.Length));
        await _context.Out.WriteLineAsync($"{"WHAT".PadRight(width)}  STATUS  DETAIL");
        foreach (var result in results)
        {
            await _context.Out.WriteLineAsync($"{result.What.PadRight(width)}  {(result.Works ? "ok    " : "FAILED")}  {result.Detail}");
            if (result.Hint is not null)
            {
                await _context.Out.WriteLineAsync($"{new string(' ', width)}  hint:   {result.Hint}");
            }
        }
    }
}
