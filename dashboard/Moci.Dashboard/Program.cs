using Moci.Dashboard;
using Moci.Ingest;
using Moci.Ingest.Apis;

var builder = WebApplication.CreateBuilder(args);
builder.AddIngest();
builder.AddDashboard();

var app = builder.Build();
app.UseDashboard();
app.UseIngestErrors();
app.MapIngestApi();
app.MapDashboard();
app.Run();
