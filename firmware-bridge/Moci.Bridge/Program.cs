using Moci.Kit;

var builder = Host.CreateApplicationBuilder(args);
builder.AddSimulatedStations();
builder.Build().Run();
