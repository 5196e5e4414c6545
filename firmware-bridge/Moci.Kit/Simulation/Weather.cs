namespace Moci.Kit.Simulation;

/// <summary>
/// Deterministic weather shared by all stations of a simulation: at most one rain shower per UTC day, more
/// likely in the wet winter months of the Albanian coastal plain, and the river's delayed response to it.
/// Thread-safe: pure functions of the seed.
/// </summary>
public sealed class Weather(ulong seed)
{
    private const double SecondsPerDay = 86_400;
    private static readonly ulong RainKey = Noise.Key("rain");

    /// <summary>The shower of the UTC day containing <paramref name="day"/>, if any.</summary>
    public RainEvent? EventOn(DateTimeOffset day)
    {
        var dayNumber = (long)Math.Floor(day.ToUnixTimeSeconds() / SecondsPerDay);
        var dayStart = DateTimeOffset.FromUnixTimeSeconds((long)(dayNumber * SecondsPerDay));
        if (Noise.Uniform(seed, RainKey, (ulong)dayNumber) >= Probability(dayStart.Month))
        {
            return null;
        }

        var start = dayStart.AddHours(24 * Noise.Uniform(seed, RainKey, (ulong)dayNumber, 1));
        var duration = TimeSpan.FromHours(2 + 8 * Noise.Uniform(seed, RainKey, (ulong)dayNumber, 2));
        var intensity = 0.3 + 0.7 * Noise.Uniform(seed, RainKey, (ulong)dayNumber, 3);
        return new RainEvent(start, duration, intensity);
    }

    /// <summary>Showers that start in [<paramref name="from"/>, <paramref name="to"/>), oldest first.</summary>
    public IEnumerable<RainEvent> Events(DateTimeOffset from, DateTimeOffset to)
    {
        for (var day = from.AddDays(-1); day < to.AddDays(1); day = day.AddDays(1))
        {
            if (EventOn(day) is { } rain && rain.Start >= from && rain.Start < to)
            {
                yield return rain;
            }
        }
    }

    /// <summary>Rain intensity 0–1 at an instant (0 when dry).</summary>
    public double RainAt(DateTimeOffset at)
    {
        var intensity = 0.0;
        foreach (var rain in Events(at.AddDays(-1), at.AddSeconds(1)))
        {
            if (at >= rain.Start && at < rain.End)
            {
                intensity = Math.Max(intensity, rain.Intensity);
            }
        }

        return intensity;
    }

    /// <summary>
    /// How strongly the river is responding to recent rain, about 0 (base flow) to 2 (after a long heavy
    /// shower): run-off peaks some 6 h after a shower starts, with a tail of a few days.
    /// </summary>
    public double RiverResponseAt(DateTimeOffset at)
    {
        var response = 0.0;
        foreach (var rain in Events(at.AddDays(-5), at.AddSeconds(1)))
        {
            var hours = (at - rain.Start).TotalHours;
            var volume = rain.Intensity * rain.Duration.TotalHours / 6;
            response += volume * (hours / 6 * Math.Exp(1 - hours / 6) + 0.25 * Math.Exp(-hours / 48));
        }

        return response;
    }

    /// <summary>Chance of a shower on a day of the month (wet Nov–Feb, dry Jun–Aug).</summary>
    private static double Probability(int month) => month switch
    {
        11 or 12 or 1 or 2 => 0.35,
        3 or 4 or 5 => 0.22,
        6 or 7 or 8 => 0.08,
        _ => 0.2,
    };
}
