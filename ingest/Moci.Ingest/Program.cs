using Moci.Ingest;

var builder = WebApplication.CreateBuilder(args);
builder.AddIngest();

var app = builder.Build();
app.UseExceptionHandler();
app.UseStatusCodePages();
app.MapIngestApi();
app.Run();
