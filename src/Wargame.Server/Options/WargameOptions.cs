using System.ComponentModel.DataAnnotations;
using System.Net;

namespace Wargame.Server.Options;

public enum StoreKind { Sqlite, Postgres }

/// <summary>What a node runs: the whole server with its Orleans silo, or the hub and REST API only, as a client of the silos.</summary>
public enum NodeMode { Silo, FrontEnd }

/// <summary>
/// The server's settings, bound from the "Wargame" section (appsettings.json, environment, command line). Orleans reads
/// its own "Orleans" section; everything Wargame decides lives here.
/// </summary>
public sealed class WargameOptions : IValidatableObject
{
    public const string Section = "Wargame";

    /// <summary>Where the SQLite file and the log files live; created at start.</summary>
    [Required]
    public string DataDirectory { get; set; } = "data";

    /// <summary>Directory of scenario files (*.yaml). Relative paths are looked up from the working directory upwards.</summary>
    [Required]
    public string ScenarioDirectory { get; set; } = "scenarios";

    /// <summary>SQLite keeps a single node's games; PostgreSQL keeps a cluster's games and its membership table.</summary>
    public StoreKind Store { get; set; } = StoreKind.Sqlite;

    /// <summary>Npgsql connection string, required when <see cref="Store"/> is Postgres.</summary>
    public string? PostgresConnectionString { get; set; }

    public NodeMode Mode { get; set; } = NodeMode.Silo;

    /// <summary>Nodes with the same cluster id on one PostgreSQL database form one cluster.</summary>
    [Required]
    [RegularExpression("^[A-Za-z0-9_-]{1,64}$")]
    public string ClusterId { get; set; } = "wargame";

    /// <summary>Port silos talk to each other on; 0 picks a free one at start (the membership table tells the others).</summary>
    [Range(0, 65535)]
    public int SiloPort { get; set; }

    /// <summary>Port front-end nodes reach this silo on; 0 picks a free one at start.</summary>
    [Range(0, 65535)]
    public int GatewayPort { get; set; }

    /// <summary>The address other nodes reach this silo at; loopback when unset (one machine).</summary>
    public string? AdvertisedAddress { get; set; }

    /// <summary>
    /// A game with no call for this long is deactivated by Orleans (its state is rebuilt from the store on the next
    /// call). At least a minute: nodes with connections renew their subscriptions every 15 s, which keeps their games active.
    /// </summary>
    [Range(typeof(TimeSpan), "00:01:00", "7.00:00:00")]
    public TimeSpan IdleTimeout { get; set; } = TimeSpan.FromMinutes(10);

    /// <summary>How often each silo activates the games whose deadline runs, so a deadline fires even after its node died.</summary>
    [Range(typeof(TimeSpan), "00:00:01", "01:00:00")]
    public TimeSpan DeadlineScanPeriod { get; set; } = TimeSpan.FromSeconds(15);

    /// <summary>
    /// A command that could not start within this time of its arrival (its game busy with earlier calls, or its silo
    /// overloaded) is refused with <c>busy</c> and changes nothing. Orleans waits <see cref="CommandResponseTimeout"/>
    /// for an answer, well beyond this, so a caller never gives up on a command that could still be applied.
    /// </summary>
    [Range(typeof(TimeSpan), "00:00:01", "00:01:00")]
    public TimeSpan CommandStartWithin { get; set; } = TimeSpan.FromSeconds(10);

    /// <summary>How long a node waits for any grain's answer: a command's start window plus 20 s to decide, store and answer.</summary>
    public TimeSpan CommandResponseTimeout => CommandStartWithin + TimeSpan.FromSeconds(20);

    /// <summary>Largest hub message a client may send, in bytes.</summary>
    [Range(1024, 1024 * 1024)]
    public int MaxHubMessageBytes { get; set; } = 32 * 1024;

    /// <summary>Failed join attempts (wrong code, key or token) allowed per client address per minute.</summary>
    [Range(1, 10_000)]
    public int FailedJoinsPerMinute { get; set; } = 10;

    /// <summary>
    /// Joins (successful or not) with one join code per minute: a class joins on one observer code, a leaked code
    /// cannot fill a game with seats. Joins with a game's facilitator key count the same way.
    /// </summary>
    [Range(1, 100_000)]
    public int JoinsPerCodePerMinute { get; set; } = 60;

    /// <summary>Seats a game holds at most (players, observers and bots; released seats count no more).</summary>
    [Range(6, 10_000)]
    public int MaxSeatsPerGame { get; set; } = 100;

    // Rate limits. A seminar is people: four teams, a facilitator and observers, each clicking and typing. The defaults
    // are several times what the busiest such table does, and bound what a script flooding one game costs the server.

    /// <summary>
    /// Calls one player or observer seat may make per minute (commands, pages of older messages, previews, resyncs,
    /// resumes), with <see cref="CommandBurst"/> at once.
    /// </summary>
    [Range(1, 1_000_000)]
    public int CommandsPerSeatPerMinute { get; set; } = 120;

    [Range(1, 100_000)]
    public int CommandBurst { get; set; } = 30;

    /// <summary>Messages (public or private) one player seat may post per minute, with <see cref="MessageBurst"/> at once.</summary>
    [Range(1, 1_000_000)]
    public int MessagesPerSeatPerMinute { get; set; } = 30;

    [Range(1, 100_000)]
    public int MessageBurst { get; set; } = 10;

    /// <summary>Calls the facilitator's seat may make per minute (phase changes, deadlines, injects, notes, seats...), with <see cref="FacilitatorCallBurst"/> at once.</summary>
    [Range(1, 1_000_000)]
    public int FacilitatorCallsPerMinute { get; set; } = 240;

    [Range(1, 100_000)]
    public int FacilitatorCallBurst { get; set; } = 60;

    /// <summary>Messages the facilitator's seat may post per minute, with <see cref="FacilitatorMessageBurst"/> at once.</summary>
    [Range(1, 1_000_000)]
    public int FacilitatorMessagesPerMinute { get; set; } = 60;

    [Range(1, 100_000)]
    public int FacilitatorMessageBurst { get; set; } = 20;

    /// <summary>
    /// Calls all the seats of one audience in a game (a role's team, the observers, the facilitators, with the REST
    /// operations on the game's key) may make together per minute, with <see cref="AudienceCallBurst"/> at once; a
    /// game has six audiences, so this bounds a game however many seats it has.
    /// </summary>
    [Range(1, 1_000_000)]
    public int AudienceCallsPerMinute { get; set; } = 240;

    [Range(1, 100_000)]
    public int AudienceCallBurst { get; set; } = 90;

    /// <summary>Messages all the seats of one audience in a game may post together per minute, with <see cref="AudienceMessageBurst"/> at once.</summary>
    [Range(1, 1_000_000)]
    public int AudienceMessagesPerMinute { get; set; } = 60;

    [Range(1, 100_000)]
    public int AudienceMessageBurst { get; set; } = 30;

    /// <summary>
    /// Calls one connection may have refused by the hub before its game is asked (over a rate limit, not seated, seat
    /// released) within a minute; the call past this is answered "connection-closed" and the server closes the
    /// connection. A person clicking a refused button now and then never gets near it; a script calling in a loop does
    /// within seconds, and must then open a new connection (<see cref="HubConnectionsPerAddressPerMinute"/>).
    /// </summary>
    [Range(1, 1_000_000)]
    public int RefusedCallsPerConnectionPerMinute { get; set; } = 60;

    /// <summary>
    /// New hub connections (negotiations, and WebSocket connections that skip negotiation) one client address may
    /// open per minute; more get 429. A class behind one address joins and reconnects well inside it.
    /// </summary>
    [Range(1, 1_000_000)]
    public int HubConnectionsPerAddressPerMinute { get; set; } = 1200;

    /// <summary>Largest saved game POST /api/games/import reads, in bytes; a larger body gets 413.</summary>
    [Range(1024, 1024L * 1024 * 1024)]
    public long MaxImportBytes { get; set; } = 16 * 1024 * 1024;

    /// <summary>Games a client address may create, import or fork per minute.</summary>
    [Range(1, 1_000_000)]
    public int GameCreationsPerMinute { get; set; } = 60;

    /// <summary>
    /// Addresses of reverse proxies (nginx) whose X-Forwarded-For is trusted, so rate limits apply to each
    /// student's address rather than the proxy's.
    /// </summary>
    public string[] TrustedProxies { get; set; } = [];

    public IEnumerable<ValidationResult> Validate(ValidationContext validationContext)
    {
        if (Store == StoreKind.Postgres && string.IsNullOrWhiteSpace(PostgresConnectionString))
            yield return new ValidationResult("Wargame:PostgresConnectionString is required when Wargame:Store is Postgres.", [nameof(PostgresConnectionString)]);
        if (Mode == NodeMode.FrontEnd && Store != StoreKind.Postgres)
            yield return new ValidationResult("Wargame:Mode FrontEnd finds the silos in PostgreSQL's membership table: set Wargame:Store to Postgres.", [nameof(Mode)]);
        if (AdvertisedAddress is { } address && !IPAddress.TryParse(address, out _))
            yield return new ValidationResult($"Wargame:AdvertisedAddress has '{address}', which is not an IP address.", [nameof(AdvertisedAddress)]);
        foreach (var proxy in TrustedProxies.Where(p => !IPAddress.TryParse(p, out _)))
            yield return new ValidationResult($"Wargame:TrustedProxies has '{proxy}', which is not an IP address.", [nameof(TrustedProxies)]);
    }
}
