namespace Moci.Kit.Simulation;

/// <summary>A sensor a simulated station pretends to have, named and typed as a real station's configuration would.</summary>
/// <param name="Name">Its name, as in <c>moci-bridge.example.json</c> (e.g. <c>air</c>).</param>
/// <param name="Type">Its type, as the bridge names it (e.g. <c>bme280</c>).</param>
/// <param name="Metrics">The metrics of the station's kind it gives (catalogue names).</param>
public sealed record SimulatedSensor(string Name, string Type, IReadOnlyList<string> Metrics);
