using Wargame.BareHub;

// The baseline the load generator compares Wargame with: SignalR and nothing else.
var builder = WebApplication.CreateBuilder(args);
builder.Services.AddSignalR().AddMessagePackProtocol();
var app = builder.Build();
app.MapHub<GroupHub>("/hubs/bare");
app.MapGet("/healthz", () => "ok");
await app.RunAsync();
