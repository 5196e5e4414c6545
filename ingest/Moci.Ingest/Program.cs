using Moci.Ingest;
using Moci.Ingest.Apis;

var builder = WebApplication.CreateBuilder(args);
builder.AddIngest();

var app = builder.Build();
app.UseIngestErrors();
app.MapIngestApi();
app.Run();

/// <summary>
/// The ingest's entry point stays internal: the dashboard, which hosts the ingest in-process, has its own
/// public <c>Program</c>, and two public ones would collide.
/// </summary>
internal partial class Program;
