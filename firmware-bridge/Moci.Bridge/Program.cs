using Moci.Bridge;

var builder = Host.CreateApplicationBuilder(args);
builder.AddSimulatedStations();
builder.Build().Run();
