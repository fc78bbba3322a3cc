using System.ComponentModel.DataAnnotations;

namespace Wargame.Server.Hosting;

public enum StoreKind { Sqlite, Postgres }

/// <summary>The server's settings, bound from the "Wargame" section (appsettings.json, environment, command line).</summary>
public sealed class WargameOptions : IValidatableObject
{
    public const string Section = "Wargame";

    /// <summary>Where the SQLite file and the log files live; created at start.</summary>
    [Required]
    public string DataDirectory { get; set; } = "data";

    /// <summary>Directory of scenario files (*.yaml). Relative paths are looked up from the working directory upwards.</summary>
    [Required]
    public string ScenarioDirectory { get; set; } = "scenarios";

    public StoreKind Store { get; set; } = StoreKind.Sqlite;

    /// <summary>Npgsql connection string, required when <see cref="Store"/> is Postgres.</summary>
    public string? PostgresConnectionString { get; set; }

    /// <summary>A game actor with no command for this long is passivated (its state is rebuilt on the next call).</summary>
    [Range(typeof(TimeSpan), "00:00:01", "7.00:00:00")]
    public TimeSpan IdleTimeout { get; set; } = TimeSpan.FromMinutes(10);

    /// <summary>Largest hub message a client may send, in bytes.</summary>
    [Range(1024, 1024 * 1024)]
    public int MaxHubMessageBytes { get; set; } = 32 * 1024;

    /// <summary>Failed join attempts (wrong code, key or token) allowed per client address per minute.</summary>
    [Range(1, 10_000)]
    public int FailedJoinsPerMinute { get; set; } = 10;

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
        foreach (var proxy in TrustedProxies.Where(p => !System.Net.IPAddress.TryParse(p, out _)))
            yield return new ValidationResult($"Wargame:TrustedProxies has '{proxy}', which is not an IP address.", [nameof(TrustedProxies)]);
    }
}
