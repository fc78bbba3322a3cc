using Wargame.BareHub;

// The baseline the load generator compares Wargame with: SignalR and nothing else.
// Its settings (quiet logging) are read beside the binary, wherever it is started from.
var builder = WebApplication.CreateBuilder(new WebApplicationOptions { Args = args, ContentRootPath = AppContext.BaseDirectory });
builder.Services.AddSignalR().AddMessagePackProtocol();
var app = builder.Build();
app.MapHub<GroupHub>("/hubs/bare");
app.MapGet("/healthz", () => "ok");
await app.RunAsync();
