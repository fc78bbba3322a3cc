using Wargame.Domain.Scenarios;

namespace Wargame.Cli;

/// <summary>
/// Finds and parses scenario files: a path, or an id looked up in scenarios/ from the current folder upwards, then
/// from the program's own folder upwards (so an id works from anywhere for a build inside the repository). validate,
/// simulate and play all resolve ids here.
/// </summary>
internal static class ScenarioFiles
{
    public static string? Resolve(string pathOrId)
    {
        if (File.Exists(pathOrId))
            return pathOrId;
        if (pathOrId.Length == 0 || pathOrId.IndexOfAny(['/', '\\']) >= 0 || pathOrId.EndsWith(".yaml", StringComparison.Ordinal))
            return null;
        foreach (var start in new[] { Directory.GetCurrentDirectory(), AppContext.BaseDirectory })
        {
            for (var dir = new DirectoryInfo(start); dir is not null; dir = dir.Parent)
            {
                var candidate = Path.Combine(dir.FullName, "scenarios", pathOrId + ".yaml");
                if (File.Exists(candidate))
                    return candidate;
            }
        }
        return null;
    }

    /// <summary>Every YAML file a path names: the file itself, or the *.yaml files of a directory.</summary>
    public static IEnumerable<string> Expand(string path) => Directory.Exists(path)
        ? Directory.GetFiles(path, "*.yaml").Concat(Directory.GetFiles(path, "*.yml")).Order(StringComparer.Ordinal)
        : [Resolve(path) ?? path];

    public static string NotFound(string pathOrId) => $"{pathOrId}: no such scenario file (give a path, or an id found in scenarios/).";

    public static (Scenario? Scenario, IReadOnlyList<string> Errors) Load(string pathOrId)
    {
        var file = Resolve(pathOrId);
        if (file is null)
            return (null, [NotFound(pathOrId)]);
        var result = ScenarioParser.Parse(file, File.ReadAllText(file));
        return (result.Scenario, [.. result.Errors.Select(e => e.ToString())]);
    }
}
