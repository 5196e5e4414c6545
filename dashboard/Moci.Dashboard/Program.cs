using Moci.Dashboard;
using Moci.Ingest;

var builder = WebApplication.CreateBuilder(args);
builder.AddIngest();
builder.AddDashboard();

var app = builder.Build();
app.UseDashboard();
app.MapIngestApi();
app.MapDashboard();
app.Run();
