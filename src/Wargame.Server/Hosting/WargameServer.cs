using System.Net;
using System.Reflection;
using System.Text.Json;
using System.Threading.RateLimiting;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.HttpOverrides;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.AspNetCore.SignalR;
using Microsoft.AspNetCore.Diagnostics.HealthChecks;
using Microsoft.Extensions.Diagnostics.HealthChecks;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Options;
using Npgsql;
using Serilog;
using Serilog.Events;
using Serilog.Settings.Configuration;
using Wargame.Domain.Serialization;
using Wargame.Server.Api;
using Wargame.Server.Games;
using Wargame.Server.Hubs;
using Wargame.Server.Options;
using Wargame.Server.Scenarios;
using Wargame.Server.Seats;
using Wargame.Server.Storage;

namespace Wargame.Server.Hosting;

/// <summary>The one place where the server is wired: options, logging, store, Orleans, hub, REST, static files.</summary>
public static class WargameServer
{
    /// <summary>
    /// Builds the server from command-line style arguments, for example
    /// ["--urls", "http://127.0.0.1:0", "--Wargame:DataDirectory", dir, "--Wargame:ScenarioDirectory", scenarios].
    /// After StartAsync, <see cref="Address"/> gives the bound address.
    /// </summary>
    public static WebApplication Build(string[] args) => Build(args, configureServices: null);

    /// <summary>The first address the started server listens on, such as "http://127.0.0.1:5123".</summary>
    public static string Address(this WebApplication app) =>
        app.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!.Addresses.First();

    /// <summary>Tests replace services here (for example the clock) after the defaults are registered.</summary>
    internal static WebApplication Build(string[] args, Action<IServiceCollection>? configureServices)
    {
        var builder = WebApplication.CreateBuilder(HostOptions(args));

        var options = builder.Configuration.GetSection(WargameOptions.Section).Get<WargameOptions>() ?? new WargameOptions();
        // Relative to where the server was started, as a user typing `dotnet run` expects.
        var dataDirectory = Path.GetFullPath(options.DataDirectory);
        Directory.CreateDirectory(dataDirectory);

        // Each host keeps its own logger (tests run several in one process), so the static Log.Logger stays untouched.
        // The "Serilog" section is read against the sinks the server ships (and any it names under "Using"): without
        // assemblies given, Serilog scans every dependency of the application for configuration methods at each start.
        builder.Host.UseSerilog((context, _, logger) => logger
            .ReadFrom.Configuration(context.Configuration, SerilogSettings)
            // At Debug and below these write hub invocations and raw frames, which carry codes, keys and tokens.
            .MinimumLevel.Override("Microsoft.AspNetCore.SignalR", LogEventLevel.Information)
            .MinimumLevel.Override("Microsoft.AspNetCore.Http.Connections", LogEventLevel.Information)
            .MinimumLevel.Override("Microsoft.AspNetCore.Server.Kestrel", LogEventLevel.Information)
            // A HubException is a refusal thrown on purpose (HubCallFilter logs anything unexpected itself, before turning it
            // into one), so SignalR's error line with its stack trace for it is noise.
            .Filter.ByExcluding(e => e.Exception is HubException)
            .Enrich.FromLogContext()
            .WriteTo.Console(outputTemplate: "[{Timestamp:HH:mm:ss} {Level:u3}] {Message:lj} {Properties:j}{NewLine}{Exception}")
            .WriteTo.File(Path.Combine(dataDirectory, "logs", "wargame-.log"), rollingInterval: RollingInterval.Day, retainedFileCountLimit: 31,
                outputTemplate: "{Timestamp:o} [{Level:u3}] {Message:lj} {Properties:j}{NewLine}{Exception}"),
            preserveStaticLogger: true);

        var services = builder.Services;
        services.AddOptions<WargameOptions>()
            .Bind(builder.Configuration.GetSection(WargameOptions.Section))
            .ValidateDataAnnotations()
            .ValidateOnStart();
        services.AddSingleton<IValidateOptions<WargameOptions>, WargameOptionsValidator>();
        services.AddSingleton(new GameClock(TimeProvider.System));
        // Start-by times of commands: the hub sets them and the grain checks them on this clock (one clock per machine).
        services.TryAddSingleton(TimeProvider.System);

        services.AddSingleton<IGameStore>(sp =>
        {
            var o = sp.GetRequiredService<IOptions<WargameOptions>>().Value;
            return o.Store == StoreKind.Postgres
                ? new PostgresGameStore(NpgsqlDataSource.Create(PostgresGameStore.WithTransactionTimeout(o.PostgresConnectionString!)))
                : new SqliteGameStore(Path.Combine(dataDirectory, "wargame.db"));
        });
        // The parts start at once, Kestrel first among equals, so start time is the slowest part's, not their sum.
        services.Configure<HostOptions>(host => host.ServicesStartConcurrently = true);
        services.AddSingleton<NodeStartup>();
        services.AddHostedService<NodeStartup.StoreInitializer>();
        if (options.Mode == NodeMode.FrontEnd)
        {
            OrleansSetup.AddFrontEnd(builder, options);
        }
        else
        {
            OrleansSetup.AddSilo(builder, options);
            services.AddSingleton<ILifecycleParticipant<ISiloLifecycle>, NodeStartup.StoreBeforeMembership>();
            services.AddSingleton<LiveGames>();
            services.AddHostedService<DeadlineKeeper>();
        }
        services.AddSingleton<ScenarioCatalog>();
        services.AddSingleton<JoinGuard>();
        services.AddSingleton<SeatRateLimits>();
        services.AddSingleton<Seating>();
        services.AddSingleton<GameCreation>();
        services.AddSingleton<CommandMetrics>();
        services.AddSingleton<IGamePublisher, HubGamePublisher>();
        services.AddSingleton<GameLinks>();
        services.AddHostedService(sp => sp.GetRequiredService<GameLinks>());
        if (options.Mode == NodeMode.Silo)
            services.AddHostedService<ClusterWatch>();

        services.AddSignalR(hub =>
        {
            hub.MaximumReceiveMessageSize = options.MaxHubMessageBytes;
            // Lets argument-binding failures name the problem; HubErrorFilter keeps other exception text off the wire.
            hub.EnableDetailedErrors = true;
            hub.AddFilter<HubCallFilter>();
        })
            .AddJsonProtocol(json => CopyGameJson(json.PayloadSerializerOptions))
            // A second protocol, chosen by the client at its handshake; records keep their JSON shape (MessagePackWire).
            .AddMessagePackProtocol(messagePack => messagePack.SerializerOptions = MessagePackWire.Options);
        services.ConfigureHttpJsonOptions(json => CopyGameJson(json.SerializerOptions));

        services.AddRateLimiter(limiter =>
        {
            limiter.RejectionStatusCode = StatusCodes.Status429TooManyRequests;
            limiter.AddPolicy(GamesApi.CreationRateLimit, http => RateLimitPartition.GetFixedWindowLimiter(
                http.Connection.RemoteIpAddress?.ToString() ?? "unknown",
                _ => new FixedWindowRateLimiterOptions { PermitLimit = options.GameCreationsPerMinute, Window = TimeSpan.FromMinutes(1), QueueLimit = 0 }));
            HubConnectionLimit.Add(limiter, options);
        });
        services.AddHealthChecks().AddCheck<StoreHealthCheck>("store");
        services.AddOpenApi(openApi =>
        {
            // The hub's contract too, so clients/web generates every wire type from this one document.
            openApi.AddDocumentTransformer<WireContract>();
            openApi.AddSchemaTransformer<WireContract>();
        });
        services.AddProblemDetails();

        // With no proxy configured the middleware would trust every client's X-Forwarded-For (it checks known proxies
        // only when some are listed), so any client could rotate its address past every limit: then honour none.
        var trustedProxies = options.TrustedProxies.Where(p => IPAddress.TryParse(p, out _)).ToList();
        services.Configure<ForwardedHeadersOptions>(forwarded =>
        {
            forwarded.ForwardedHeaders = trustedProxies.Count == 0 ? ForwardedHeaders.None : ForwardedHeaders.XForwardedFor | ForwardedHeaders.XForwardedProto;
            forwarded.KnownIPNetworks.Clear();
            forwarded.KnownProxies.Clear();
            foreach (var proxy in trustedProxies)
                forwarded.KnownProxies.Add(IPAddress.Parse(proxy));
        });

        configureServices?.Invoke(services);
        NodeStartup.ConstructWhileKestrelStarts(services);

        var app = builder.Build();
        NodeStartup.BeginStarting(app.Services);
        if (trustedProxies.Count > 0)
            app.UseForwardedHeaders();
        app.UseSecurityHeaders();
        NodeStartup.UseStartingRefusal(app, HealthPath);
        // One line per request; a REST call about a game names it as GameId, as hub calls and the grain's lines do.
        // Written through this host's logger: the static one it would use by default stays silent (see UseSerilog above).
        var requestLogger = app.Services.GetRequiredService<Serilog.ILogger>();
        app.UseSerilogRequestLogging(logging =>
        {
            logging.Logger = requestLogger;
            logging.EnrichDiagnosticContext = (diagnostics, http) =>
            {
                if (http.GetRouteValue("gameId") is string gameId)
                    diagnostics.Set("GameId", gameId);
            };
        });
        app.UseExceptionHandler();
        app.UseStatusCodePages();
        app.UseDefaultFiles();
        app.UseStaticFiles();
        app.UseWebSockets();
        app.UseRateLimiter();

        app.MapHealthChecks(HealthPath, new HealthCheckOptions { ResponseWriter = WriteHealth });
        app.MapOpenApi();
        app.MapGamesApi();
        app.MapJoinAddressApi();
        app.MapHub<GameHub>("/hubs/game").RequireRateLimiting(HubConnectionLimit.Policy);
        app.MapFallbackToFile("index.html");
        return app;
    }

    /// <summary>
    /// appsettings.json from beside the binary; the web client from beside the binary when published, or from the
    /// server's source directory (where clients/web builds it) when run from a clone. --contentRoot and --webroot win.
    /// </summary>
    private static WebApplicationOptions HostOptions(string[] args)
    {
        bool Given(string name) => args.Any(a => a.TrimStart('-').StartsWith(name, StringComparison.OrdinalIgnoreCase));
        var sourceDirectory = typeof(WargameServer).Assembly.GetCustomAttributes<AssemblyMetadataAttribute>()
            .FirstOrDefault(a => a.Key == "SourceDirectory")?.Value;
        string?[] webRoots = [Path.Combine(AppContext.BaseDirectory, "wwwroot"), sourceDirectory is null ? null : Path.Combine(sourceDirectory, "wwwroot")];
        return new WebApplicationOptions
        {
            Args = args,
            // The server's own name even when a test host starts it: the OpenAPI document's title and tags carry it.
            ApplicationName = typeof(WargameServer).Assembly.GetName().Name,
            ContentRootPath = Given("contentRoot") ? null : AppContext.BaseDirectory,
            WebRootPath = Given("webroot") ? null : webRoots.FirstOrDefault(Directory.Exists),
        };
    }

    /// <summary>Hub payloads and REST bodies use the domain's JSON shape, so terms, orders and views round-trip polymorphically.</summary>
    private static void CopyGameJson(JsonSerializerOptions target)
    {
        var source = GameJson.Options;
        target.PropertyNamingPolicy = source.PropertyNamingPolicy;
        target.DictionaryKeyPolicy = source.DictionaryKeyPolicy;
        target.PropertyNameCaseInsensitive = source.PropertyNameCaseInsensitive;
        target.DefaultIgnoreCondition = source.DefaultIgnoreCondition;
        target.NumberHandling = source.NumberHandling;
        target.RespectNullableAnnotations = source.RespectNullableAnnotations;
        foreach (var converter in source.Converters)
            target.Converters.Add(converter);
    }

    private sealed class WargameOptionsValidator : IValidateOptions<WargameOptions>
    {
        public ValidateOptionsResult Validate(string? name, WargameOptions options)
        {
            var errors = options.Validate(new System.ComponentModel.DataAnnotations.ValidationContext(options)).Select(r => r.ErrorMessage ?? "").ToList();
            return errors.Count == 0 ? ValidateOptionsResult.Success : ValidateOptionsResult.Fail(errors);
        }
    }

    private const string HealthPath = "/healthz";

    private static readonly ConfigurationReaderOptions SerilogSettings =
        new(typeof(ConsoleLoggerConfigurationExtensions).Assembly, typeof(FileLoggerConfigurationExtensions).Assembly);

    /// <summary>
    /// Ready when the store answers; reports what this node holds, for operators and capacity measurements. Asked only
    /// once the node has started (NodeStartup answers "Starting" before).
    /// </summary>
    private sealed class StoreHealthCheck(IGameStore store, IServiceProvider services) : IHealthCheck
    {
        public async Task<HealthCheckResult> CheckHealthAsync(HealthCheckContext context, CancellationToken cancellationToken = default)
        {
            await store.FindGame("healthz", cancellationToken);
            var memory = GC.GetGCMemoryInfo();
            return HealthCheckResult.Healthy(data: new Dictionary<string, object>
            {
                ["liveGames"] = services.GetService<LiveGames>()?.Count ?? 0,
                ["connections"] = services.GetRequiredService<GameLinks>().Connections,
                ["gcHeapBytes"] = memory.HeapSizeBytes,
                ["workingSetBytes"] = Environment.WorkingSet,
            });
        }
    }

    private static Task WriteHealth(HttpContext context, HealthReport report)
    {
        context.Response.ContentType = "application/json";
        var body = new Dictionary<string, object> { ["status"] = report.Status.ToString() };
        foreach (var (key, value) in report.Entries.Values.SelectMany(e => e.Data))
            body[key] = value;
        return context.Response.WriteAsync(JsonSerializer.Serialize(body, GameJson.Options));
    }
}
