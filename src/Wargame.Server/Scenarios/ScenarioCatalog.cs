using System.Collections.Immutable;
using Microsoft.Extensions.Options;
using Wargame.Domain.Scenarios;
using Wargame.Server.Options;

namespace Wargame.Server.Scenarios;

/// <summary>The scenario files a facilitator can start a game from, read once at start. Invalid files are logged and left out.</summary>
internal sealed class ScenarioCatalog
{
    private readonly ImmutableSortedDictionary<string, Scenario> _scenarios;

    public ScenarioCatalog(IOptions<WargameOptions> options, ILogger<ScenarioCatalog> logger)
    {
        Directory = Locate(options.Value.ScenarioDirectory);
        var scenarios = ImmutableSortedDictionary.CreateBuilder<string, Scenario>(StringComparer.Ordinal);
        if (Directory is null)
        {
            logger.LogWarning("No scenario directory {ScenarioDirectory} was found; no game can be created", options.Value.ScenarioDirectory);
        }
        else
        {
            foreach (var file in System.IO.Directory.EnumerateFiles(Directory, "*.yaml").Order(StringComparer.Ordinal))
            {
                var result = ScenarioParser.Parse(Path.GetFileName(file), File.ReadAllText(file));
                if (result is { IsValid: true, Scenario: { } scenario } && !scenarios.ContainsKey(scenario.Id))
                    scenarios.Add(scenario.Id, scenario);
                else
                    logger.LogError("Scenario file {File} was not loaded: {Errors}", file,
                        result.IsValid ? "its id is already used by another file" : string.Join("; ", result.Errors));
            }
            logger.LogInformation("Loaded {Count} scenarios from {ScenarioDirectory}", scenarios.Count, Directory);
        }
        _scenarios = scenarios.ToImmutable();
    }

    public string? Directory { get; }

    public IEnumerable<ScenarioSummary> Summaries => _scenarios.Values.Select(ScenarioSummary.Of);

    public Scenario? Find(string id) => _scenarios.GetValueOrDefault(id);

    /// <summary>An absolute path as given; a relative one from the working directory or the nearest parent that has it.</summary>
    private static string? Locate(string configured)
    {
        if (Path.IsPathRooted(configured))
            return System.IO.Directory.Exists(configured) ? configured : null;
        foreach (var start in new[] { System.IO.Directory.GetCurrentDirectory(), AppContext.BaseDirectory })
        {
            for (var dir = new DirectoryInfo(start); dir is not null; dir = dir.Parent)
            {
                var candidate = Path.Combine(dir.FullName, configured);
                if (System.IO.Directory.Exists(candidate))
                    return candidate;
            }
        }
        return null;
    }
}
