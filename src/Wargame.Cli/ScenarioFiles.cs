using Wargame.Domain.Scenarios;

namespace Wargame.Cli;

/// <summary>Finds and parses scenario files: a path, or an id looked up in scenarios/ from here upwards.</summary>
internal static class ScenarioFiles
{
    public static string? Resolve(string pathOrId)
    {
        if (File.Exists(pathOrId))
            return pathOrId;
        for (var dir = new DirectoryInfo(Directory.GetCurrentDirectory()); dir is not null; dir = dir.Parent)
        {
            var candidate = Path.Combine(dir.FullName, "scenarios", pathOrId + ".yaml");
            if (File.Exists(candidate))
                return candidate;
        }
        return null;
    }

    /// <summary>Every YAML file a path names: the file itself, or the *.yaml files of a directory.</summary>
    public static IEnumerable<string> Expand(string path) => Directory.Exists(path)
        ? Directory.GetFiles(path, "*.yaml").Concat(Directory.GetFiles(path, "*.yml")).Order(StringComparer.Ordinal)
        : [Resolve(path) ?? path];

    public static (Scenario? Scenario, IReadOnlyList<string> Errors) Load(string pathOrId)
    {
        var file = Resolve(pathOrId);
        if (file is null)
            return (null, [$"{pathOrId}: no such scenario file (give a path, or an id found in scenarios/)."]);
        var result = ScenarioParser.Parse(file, File.ReadAllText(file));
        return (result.Scenario, [.. result.Errors.Select(e => e.ToString())]);
    }
}
