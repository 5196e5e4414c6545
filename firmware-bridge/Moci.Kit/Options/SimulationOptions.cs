using Moci.Kit.Simulation;

namespace Moci.Kit.Options;

/// <summary>Simulated stations: which, how often, how much history to send at start, and how often they report their health.</summary>
public sealed class SimulationOptions
{
    /// <summary>Run the simulated stations. Default true where the section is used.</summary>
    public bool Enabled { get; set; } = true;

    /// <summary>Seed of the simulation: the same seed gives the same readings. Default 2019, the year MOCI began.</summary>
    public int Seed { get; set; } = 2019;

    /// <summary>Time between live samples, at least 1 s. Default 10 s.</summary>
    public TimeSpan Interval { get; set; } = TimeSpan.FromSeconds(10);

    /// <summary>History sent at start so that charts are full at once; zero for none. Default 7 days.</summary>
    public TimeSpan Backfill { get; set; } = TimeSpan.FromDays(7);

    /// <summary>Time between samples of the history. Default 10 minutes.</summary>
    public TimeSpan BackfillStep { get; set; } = TimeSpan.FromMinutes(10);

    /// <summary>
    /// Time between two health reports of each station (<c>moci/v1/{id}/health</c>), 5 s – 1 day; a report also
    /// goes out as soon as a station connects. Default 5 minutes, as a real station's <c>health:interval</c>.
    /// </summary>
    public TimeSpan HealthInterval { get; set; } = TimeSpan.FromMinutes(5);

    /// <summary>The stations to simulate.</summary>
    public List<SimulatedStation> Stations { get; } = [];
}
