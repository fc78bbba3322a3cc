using Wargame.Server.Hosting;

await WargameServer.Build(args).RunAsync();
