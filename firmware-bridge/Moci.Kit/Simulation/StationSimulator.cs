using Moci.Telemetry.Metrics;
using Moci.Telemetry.Readings;
using Moci.Telemetry.Stations;

namespace Moci.Kit.Simulation;

/// <summary>
/// Realistic readings for simulated stations on the Rrogozhina – Shkumbini route, so that a new hub shows
/// living data at once and tests have data with known shape:
/// <list type="bullet">
/// <item>air temperature and humidity follow the season and the day (warmest mid-afternoon);</item>
/// <item>PM rises with the morning and evening traffic peaks, winter heating, night-time inversions and
/// occasional evening waste-burning episodes, is washed out by rain and inflated above 75 %RH
/// (an optical counter counts the water that particles take up in humid air: Jayaratne et al., "The influence of
/// humidity on the performance of a low-cost air particle mass sensor and the effect of atmospheric fog",
/// Atmos. Meas. Tech. 11, 4883–4890, 2018);</item>
/// <item>the river turns turbid, less conductive, slightly more acid and cooler after rain
/// (<see cref="Weather.RiverResponseAt"/>); dissolved oxygen follows saturation (APHA Standard Methods 4500-O).</item>
/// </list>
/// Every value is a pure function of (seed, station, metric, time): the same seed gives the same data
/// whatever order it is asked in. Thread-safe.
/// </summary>
public sealed class StationSimulator
{
    private const double Hour = 3600;

    private readonly ulong _seed;

    public StationSimulator(int seed)
    {
        _seed = (ulong)seed;
        Weather = new Weather(_seed);
    }

    /// <summary>The weather every station of this simulation shares.</summary>
    public Weather Weather { get; }

    /// <summary>The metrics a station of this kind reports.</summary>
    public static IReadOnlyList<Metric> MetricsOf(StationKind kind) => kind switch
    {
        StationKind.Air =>
        [
            MetricCatalogue.Pm1, MetricCatalogue.Pm2_5, MetricCatalogue.Pm10, MetricCatalogue.Temperature,
            MetricCatalogue.Humidity, MetricCatalogue.Pressure, MetricCatalogue.Co2,
        ],
        StationKind.Water =>
        [
            MetricCatalogue.WaterTemperature, MetricCatalogue.Ph, MetricCatalogue.Conductivity,
            MetricCatalogue.Turbidity, MetricCatalogue.DissolvedOxygen, MetricCatalogue.BatteryVoltage,
        ],
        StationKind.Mobile =>
        [
            MetricCatalogue.Pm1, MetricCatalogue.Pm2_5, MetricCatalogue.Pm10, MetricCatalogue.Temperature,
            MetricCatalogue.Humidity, MetricCatalogue.BatteryVoltage,
        ],
        _ => throw new ArgumentOutOfRangeException(nameof(kind), kind, "unknown station kind"),
    };

    /// <summary>
    /// The sensors a station of this kind pretends to have, for its health report: each metric of
    /// <see cref="MetricsOf"/> comes from exactly one of them.
    /// </summary>
    public static IReadOnlyList<SimulatedSensor> SensorsOf(StationKind kind) => kind switch
    {
        StationKind.Air =>
        [
            new("air", "bme280", ["temperature", "humidity", "pressure"]),
            new("dust", "pms5003", ["pm1", "pm2_5", "pm10"]),
            new("co2", "scd4x", ["co2"]),
        ],
        StationKind.Water =>
        [
            new("water-temp", "ds18b20", ["water_temperature"]),
            new("river-ph", "ph", ["ph"]),
            new("river-ec", "conductivity", ["conductivity"]),
            new("river-turbidity", "turbidity", ["turbidity"]),
            new("river-do", "dissolved-oxygen", ["dissolved_oxygen"]),
            new("battery", "battery", ["battery_voltage"]),
        ],
        StationKind.Mobile =>
        [
            new("air", "sht4x", ["temperature", "humidity"]),
            new("dust", "pms5003", ["pm1", "pm2_5", "pm10"]),
            new("battery", "battery", ["battery_voltage"]),
        ],
        _ => throw new ArgumentOutOfRangeException(nameof(kind), kind, "unknown station kind"),
    };

    /// <summary>One reading of every metric of the station at <paramref name="at"/>, rounded to sensor resolution.</summary>
    public IReadOnlyList<Reading> Sample(string stationId, StationKind kind, DateTimeOffset at)
    {
        var state = new Moment(this, stationId, kind, at);
        return MetricsOf(kind)
            .Select(m => new Reading(stationId, m.Name, at, Math.Round(state.Value(m), m.Decimals)))
            .ToList();
    }

    /// <summary>Everything that one instant at one station depends on, computed once per sample.</summary>
    private readonly struct Moment
    {
        private readonly StationSimulator _simulator;
        private readonly ulong _station;
        private readonly double _seconds;
        private readonly double _localHour;
        private readonly DateTime _local;
        private readonly double _season;
        private readonly double _rain;
        private readonly StationKind _kind;
        private readonly double _pm2_5;

        public Moment(StationSimulator simulator, string stationId, StationKind kind, DateTimeOffset at)
        {
            _simulator = simulator;
            _station = Noise.Key(stationId);
            _kind = kind;
            _seconds = at.ToUnixTimeMilliseconds() / 1000.0;
            _local = LocalClock.ToLocal(at);
            _localHour = _local.TimeOfDay.TotalHours;

            // 1 in mid-January, −1 in mid-July.
            _season = Math.Cos(2 * Math.PI * (_local.DayOfYear - 15) / 365.25);
            _rain = simulator.Weather.RainAt(at);
            At = at;

            // PM1 and PM10 derive from PM2.5: compute it once per sample, not once per metric.
            _pm2_5 = kind == StationKind.Water ? 0 : ComputePm2_5();
        }

        private DateTimeOffset At { get; }

        private ulong Seed => _simulator._seed;

        public double Value(Metric metric) => metric.Name switch
        {
            "temperature" => AirTemperature(),
            "humidity" => Humidity(),
            "pressure" => 1016 + 7 * Smooth("pressure", 18 * Hour) + 2.5 * Smooth("pressure-short", 5 * Hour) - 5 * _rain,
            "pm2_5" => _pm2_5,
            "pm10" => _pm2_5 * (1.25 + 0.1 * StationConstant(3)) + 12 * Traffic() * TrafficFactor() * Washout() + 3 + Jitter("pm10", 1.5),
            "pm1" => _pm2_5 * (0.68 + 0.03 * Jitter("pm1", 1)),
            "co2" => 418 + 30 * Traffic() * TrafficFactor() + 25 * (Inversion() - 1) + 6 * Smooth("co2", 8 * Hour) + 0.2 * Burning() + Jitter("co2", 3),
            "battery_voltage" => Battery(),
            "water_temperature" => WaterTemperature(),
            "ph" => 7.95 + 0.12 * Diurnal(15) - 0.35 * Math.Min(1, River()) + 0.05 * Smooth("ph", 24 * Hour) + Jitter("ph", 0.02),
            "conductivity" => Math.Max(80, 520 + 60 * Smooth("conductivity", 48 * Hour) - 190 * Math.Min(1.2, River()) + Jitter("conductivity", 6)),
            "turbidity" => Math.Min(2500, 9 + 4 * (Smooth("turbidity", 12 * Hour) + 1) + 260 * River() * (0.8 + 0.4 * StationConstant(4))) * (1 + Jitter("turbidity", 0.05)),
            "dissolved_oxygen" => Math.Max(0.5, DissolvedOxygenSaturation(WaterTemperature()) * (0.93 + 0.05 * Diurnal(15)) - 0.8 * Math.Min(1, River()) + Jitter("do", 0.05)),
            _ => throw new ArgumentOutOfRangeException(nameof(metric), metric.Name, "the simulator does not model this metric"),
        };

        private double AirTemperature() =>
            16.5 - 8.5 * _season + 5 * Diurnal(15) + 2.5 * Smooth("temperature", 6 * Hour) - 3 * _rain + (StationConstant(2) - 0.5);

        private double Humidity() =>
            Math.Clamp(72 - 14 * Diurnal(15) + 8 * Smooth("humidity", 6 * Hour) + 4 * _season + 22 * _rain + Jitter("humidity", 1.5), 18, 100);

        private double ComputePm2_5()
        {
            var winter = Math.Max(0, _season);
            var background = 6 + 6 * winter + 3 * (Smooth("pm-background", 12 * Hour) + 1);
            var heating = winter * (Peak(20.5, 2.2) + 0.5 * Peak(7, 1.5));
            var level = background + 22 * Traffic() * TrafficFactor() + 16 * heating + Burning();
            var humidity = Humidity();
            var growth = humidity > 75 ? 1 + 0.5 * Math.Pow((humidity - 75) / 25, 2) : 1;
            return Math.Max(0.5, level * Inversion() * Washout() * growth * (1 + Jitter("pm2_5", 0.08)));
        }

        /// <summary>Road traffic 0–1 by local clock: sharp commuter peaks on weekdays, a flat hump at weekends.</summary>
        private double Traffic()
        {
            var weekend = _local.DayOfWeek is DayOfWeek.Saturday or DayOfWeek.Sunday;
            var daytime = _localHour is > 6.5 and < 22 ? 0.2 : 0.03;
            return weekend
                ? daytime + 0.35 * Peak(11.5, 3) + 0.4 * Peak(19, 2)
                : daytime + Peak(7.75, 0.9) + 0.85 * Peak(18.5, 1.2);
        }

        private double TrafficFactor() => (_kind == StationKind.Mobile ? 1.3 : 1) * (0.7 + 0.8 * StationConstant(1));

        /// <summary>
        /// Evening open burning of waste near the station on some days: µg/m³ of PM2.5 added, rising within
        /// 20 minutes and fading over about 45 minutes after the fire is out.
        /// </summary>
        private double Burning()
        {
            var total = 0.0;
            var day = _local.Date;
            for (var back = 0; back <= 1; back++)
            {
                var date = day.AddDays(-back);
                var dayKey = (ulong)DateOnly.FromDateTime(date).DayNumber;
                var chance = 0.15 + 0.2 * StationConstant(5);
                if (Noise.Uniform(Seed, _station, Noise.Key("burning"), dayKey) >= chance)
                {
                    continue;
                }

                var start = 17.5 + 4 * Noise.Uniform(Seed, _station, Noise.Key("burning-start"), dayKey);
                var duration = 1 + 2 * Noise.Uniform(Seed, _station, Noise.Key("burning-length"), dayKey);
                var peak = 60 + 120 * Noise.Uniform(Seed, _station, Noise.Key("burning-peak"), dayKey);
                var hours = _localHour + 24 * back - start;
                if (hours < 0)
                {
                    continue;
                }

                var rise = Math.Min(1, hours / 0.33);
                var fade = hours <= duration ? 1 : Math.Exp(-(hours - duration) / 0.75);
                total += peak * rise * fade * (1 - 0.6 * _rain);
            }

            return total;
        }

        /// <summary>Night-time inversions trap pollution: strongest around 03:00, weakest mid-afternoon.</summary>
        private double Inversion() => 1 + 0.35 * Diurnal(3);

        private double Washout() => 1 - 0.5 * _rain;

        private double Battery()
        {
            var sun = _localHour is > 7 and < 17 ? Math.Sin(Math.PI * (_localHour - 7) / 10) : 0;
            return 12.25 + 1.15 * sun * (1 - 0.5 * _rain) + Jitter("battery", 0.03);
        }

        private double WaterTemperature() =>
            14.5 - 6 * Math.Cos(2 * Math.PI * (_local.DayOfYear - 25) / 365.25) + 0.9 * Diurnal(16) - 1.2 * River() + 0.6 * Smooth("water-temperature", 24 * Hour);

        private double River() => _simulator.Weather.RiverResponseAt(At);

        /// <summary>Cosine of the local hour: 1 at <paramref name="peakHour"/>, −1 twelve hours away.</summary>
        private double Diurnal(double peakHour) => Math.Cos(2 * Math.PI * (_localHour - peakHour) / 24);

        /// <summary>A Gaussian bump 0–1 around a local hour, wrapping at midnight.</summary>
        private double Peak(double hour, double width)
        {
            var distance = Math.Abs(_localHour - hour);
            distance = Math.Min(distance, 24 - distance);
            return Math.Exp(-distance * distance / (2 * width * width));
        }

        private double Smooth(string quantity, double bucketSeconds) =>
            Noise.Smooth(Seed, _station ^ Noise.Key(quantity), _seconds, bucketSeconds);

        /// <summary>Sample-to-sample noise, ±<paramref name="amplitude"/>.</summary>
        private double Jitter(string quantity, double amplitude) =>
            amplitude * (2 * Noise.Uniform(Seed, _station, Noise.Key(quantity), (ulong)(long)_seconds) - 1);

        /// <summary>A fixed property of the station in [0, 1) (how busy its road is, and so on).</summary>
        private double StationConstant(ulong which) => Noise.Uniform(Seed, _station, which);

        /// <summary>
        /// Oxygen solubility in fresh water at 1 atm, mg/L, from the closed form of APHA Standard Methods 4500-O
        /// (Benson and Krause, Limnol. Oceanogr. 29, 620–632, 1984):
        /// ln(DO) = −139.34410 + 1.575701e5/T − 6.642308e7/T² + 1.243800e10/T³ − 8.621949e11/T⁴, T in kelvin.
        /// </summary>
        private static double DissolvedOxygenSaturation(double celsius)
        {
            var t = celsius + 273.15;
            return Math.Exp(-139.34410 + 1.575701e5 / t - 6.642308e7 / (t * t) + 1.243800e10 / (t * t * t) - 8.621949e11 / (t * t * t * t));
        }
    }
}
