using Moci.Kit.Simulation;

namespace Moci.Kit.Options;

/// <summary>Simulated stations: which, how often, and how much history to send at start.</summary>
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

    /// <summary>The stations to simulate.</summary>
    public List<SimulatedStation> Stations { get; } = [];
}
