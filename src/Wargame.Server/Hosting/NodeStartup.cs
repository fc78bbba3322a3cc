using System.Collections.Concurrent;
using System.Diagnostics;
using Wargame.Server.Storage;

namespace Wargame.Server.Hosting;

/// <summary>
/// The node starts its parts at once (HostOptions.ServicesStartConcurrently): Kestrel listens while the store creates
/// its schema and the silo joins its cluster. Until every part has started the node is "starting": /healthz answers
/// 503 with that status, and the API and hub answer 503 too, because a game call needs the silo (or, on a front end,
/// a gateway).
/// </summary>
internal sealed class NodeStartup(IHostApplicationLifetime lifetime, IServiceProvider services, ILogger<NodeStartup> logger)
{
    // The store is resolved when first needed: resolving it reads (and validates) the options, which the host does at start.
    // Opened on the thread pool: the first caller (the host starting its services one after another) need not wait.
    private readonly Lazy<Task> _storeReady = new(() => Task.Run(() => InitializeStore(services.GetRequiredService<IGameStore>(), logger, services.GetRequiredService<NodeStartup>().Timeline)));

    private StartTimeline Timeline { get; } = new();

    /// <summary>The host has started every part: the store is ready and the silo active (or the cluster client connected).</summary>
    public bool IsComplete => lifetime.ApplicationStarted.IsCancellationRequested;

    /// <summary>Creates the store's schema once, however many parts wait for it.</summary>
    public Task StoreReady => _storeReady.Value;

    private static async Task InitializeStore(IGameStore store, ILogger logger, StartTimeline timeline)
    {
        await store.Initialize(CancellationToken.None);
        timeline.Mark("store ready");
        logger.LogInformation("Event store ready: {Store}", store is SqliteGameStore sqlite ? sqlite.Path : "PostgreSQL");
    }

    /// <summary>
    /// When each part of the start finished, in milliseconds since the process began; one line at the end tells an
    /// operator which part a slow start waited for. The parts run concurrently, so the last one bounds the start.
    /// </summary>
    private sealed class StartTimeline
    {
        private readonly DateTime _processStarted = Process.GetCurrentProcess().StartTime.ToUniversalTime();
        private readonly ConcurrentQueue<(string Part, long Milliseconds)> _marks = new();

        public void Mark(string part) => _marks.Enqueue((part, (long)(DateTime.UtcNow - _processStarted).TotalMilliseconds));

        public string Describe() => string.Join(", ", _marks.OrderBy(m => m.Milliseconds).Select(m => $"{m.Part} {m.Milliseconds}"));
    }

    /// <summary>Logs the start timeline once the host has started every part (in a test process that hosts several servers, times count from the process's start).</summary>
    private void LogTimelineWhenStarted() => lifetime.ApplicationStarted.Register(() =>
    {
        Timeline.Mark("node started");
        logger.LogInformation("Node started; ms since the process began: {StartTimeline}", Timeline.Describe());
    });

    /// <summary>Paths that need the cluster; static files and the OpenAPI document are served while the node starts.</summary>
    private static readonly PathString[] NeedTheCluster = ["/api", "/hubs"];

    /// <summary>
    /// While the node starts: /healthz answers 503 {"status":"Starting"} (without running its checks, and without a
    /// request log line for each poll), the API and hub 503 with a problem to retry after a second.
    /// </summary>
    public static IApplicationBuilder UseStartingRefusal(IApplicationBuilder app, PathString healthPath)
    {
        var startup = app.ApplicationServices.GetRequiredService<NodeStartup>();
        return app.Use((context, next) =>
        {
            if (startup.IsComplete)
                return next(context);
            var path = context.Request.Path;
            if (path.Equals(healthPath, StringComparison.OrdinalIgnoreCase))
            {
                context.Response.StatusCode = StatusCodes.Status503ServiceUnavailable;
                return context.Response.WriteAsJsonAsync(new { status = Starting });
            }
            if (!NeedTheCluster.Any(p => path.StartsWithSegments(p, StringComparison.OrdinalIgnoreCase)))
                return next(context);
            context.Response.Headers.RetryAfter = "1";
            return Results.Problem(statusCode: StatusCodes.Status503ServiceUnavailable, title: "The server is starting; try again in a moment.")
                .ExecuteAsync(context);
        });
    }

    public const string Starting = "Starting";

    /// <summary>
    /// The host builds every hosted service before it starts any, and building the silo's (or the cluster client's)
    /// resolves the whole Orleans runtime: about two seconds here, all before Kestrel could listen. So every hosted
    /// service of Orleans or of this server is built on the thread pool, from <see cref="BeginStarting"/> on, while the
    /// main thread maps the endpoints and starts Kestrel.
    /// </summary>
    public static void ConstructWhileKestrelStarts(IServiceCollection services)
    {
        for (var i = 0; i < services.Count; i++)
        {
            var descriptor = services[i];
            var implementation = descriptor.ImplementationType ?? descriptor.ImplementationFactory?.Method.DeclaringType ?? descriptor.ImplementationInstance?.GetType();
            if (descriptor.ServiceType != typeof(IHostedService) || implementation is null
                || implementation.Assembly != typeof(NodeStartup).Assembly && implementation.Assembly.GetName().Name?.StartsWith("Orleans.", StringComparison.Ordinal) != true)
                continue;
            services[i] = ServiceDescriptor.Singleton<IHostedService>(provider => new ConstructedAtStart(provider.GetRequiredService<NodeStartup>().Timeline,
                () => (IHostedService)(descriptor.ImplementationInstance
                    ?? descriptor.ImplementationFactory?.Invoke(provider)
                    ?? ActivatorUtilities.CreateInstance(provider, descriptor.ImplementationType!)),
                provider.GetRequiredService<IHostApplicationLifetime>(),
                provider.GetRequiredService<ILogger<NodeStartup>>()));
        }
    }

    /// <summary>
    /// Called once the application is built, before its pipeline and endpoints are: begins building the hosted services
    /// of Orleans and of this server, and opening the store, on the thread pool. Nothing starts: the host starts them
    /// (and validates the options first) when it starts.
    /// </summary>
    public static void BeginStarting(IServiceProvider services)
    {
        var startup = services.GetRequiredService<NodeStartup>();
        startup.Timeline.Mark("host built");
        startup.LogTimelineWhenStarted();
        foreach (var service in services.GetServices<IHostedService>())
            (service as ConstructedAtStart)?.BeginConstruction();
        _ = startup.StoreReady;
    }

    private sealed class ConstructedAtStart(StartTimeline timeline, Func<IHostedService> construct, IHostApplicationLifetime lifetime, ILogger logger) : IHostedService
    {
        private readonly Lazy<Task<IHostedService>> _constructed = new(() => Task.Run(() =>
        {
            var service = construct();
            MarkOrleans(timeline, service, "built");
            return service;
        }));
        private IHostedService? _service;

        public void BeginConstruction() => _ = _constructed.Value;

        // The silo (or cluster client) is the long part of a start; the server's own hosted services take milliseconds.
        private static void MarkOrleans(StartTimeline timeline, IHostedService service, string what)
        {
            if (service.GetType().Assembly.GetName().Name?.StartsWith("Orleans.", StringComparison.Ordinal) == true)
                timeline.Mark($"{service.GetType().Name} {what}");
        }

        public async Task StartAsync(CancellationToken cancellationToken)
        {
            _service = await _constructed.Value.WaitAsync(cancellationToken);
            await _service.StartAsync(cancellationToken);
            MarkOrleans(timeline, _service, "started");
            // What the host does for a background service it started itself: a failure stops the node rather than go unseen.
            if (_service is BackgroundService { ExecuteTask: { } running })
                _ = running.ContinueWith(failed =>
                {
                    logger.LogCritical(failed.Exception, "{Service} failed; stopping the node", _service.GetType().Name);
                    lifetime.StopApplication();
                }, CancellationToken.None, TaskContinuationOptions.OnlyOnFaulted, TaskScheduler.Default);
        }

        public Task StopAsync(CancellationToken cancellationToken) => _service?.StopAsync(cancellationToken) ?? Task.CompletedTask;
    }

    /// <summary>Creates the schema as a hosted service, concurrently with the silo (which waits for it, see <see cref="StoreBeforeMembership"/>).</summary>
    internal sealed class StoreInitializer(NodeStartup startup) : IHostedService
    {
        public Task StartAsync(CancellationToken cancellationToken) => startup.StoreReady.WaitAsync(cancellationToken);

        public Task StopAsync(CancellationToken cancellationToken) => Task.CompletedTask;
    }

    /// <summary>
    /// A silo joining a PostgreSQL cluster reads and writes the membership table that the store's schema creates, so
    /// its start waits for the store before membership starts.
    /// </summary>
    internal sealed class StoreBeforeMembership(NodeStartup startup) : ILifecycleParticipant<ISiloLifecycle>
    {
        public void Participate(ISiloLifecycle lifecycle) =>
            lifecycle.Subscribe(nameof(StoreBeforeMembership), ServiceLifecycleStage.RuntimeInitialize - 1, cancellationToken => startup.StoreReady.WaitAsync(cancellationToken));
    }
}
