using System.Text.RegularExpressions;
using Wargame.Server.Hosting;

namespace Wargame.Server.Tests.Architecture;

/// <summary>
/// The server's folders depend one way: Options and Storage at the bottom, then Games, Seats, the hub and the REST
/// API, and Hosting, which wires them together. The types each folder declares are read from the compiled assembly;
/// every source file is then scanned for the names of types from folders it may not use, qualified or not.
/// </summary>
public sealed partial class LayerTests
{
    /// <summary>What each folder (namespace) of Wargame.Server may use besides itself and the domain.</summary>
    private static readonly Dictionary<string, string[]> MayUse = new(StringComparer.Ordinal)
    {
        ["Options"] = [],
        ["Storage"] = ["Options"],
        ["Scenarios"] = ["Options"],
        ["Games"] = ["Storage", "Options"],
        ["Seats"] = ["Games", "Storage", "Options"],
        ["Hubs"] = ["Seats", "Games", "Storage", "Scenarios", "Options"],
        ["Api"] = ["Hubs", "Seats", "Games", "Storage", "Scenarios", "Options"],
        ["Hosting"] = ["Api", "Hubs", "Seats", "Games", "Storage", "Scenarios", "Options"],
        [""] = ["Hosting"],
    };

    [Fact]
    public void EveryFolderOfTheServer_HasItsPlaceInTheLayers()
    {
        Assert.Equal(MayUse.Keys.Order(StringComparer.Ordinal), TypesByFolder().Values.Distinct().Append("").Order(StringComparer.Ordinal));
    }

    [Fact]
    public void NoServerFileUsesATypeFromAFolderAboveIt()
    {
        var folders = TypesByFolder();
        var root = Path.Combine(RepositoryRoot(), "src", "Wargame.Server");
        var violations = new List<string>();
        foreach (var file in Directory.EnumerateFiles(root, "*.cs", SearchOption.AllDirectories))
        {
            var relative = Path.GetRelativePath(root, file).Replace('\\', '/');
            if (relative.StartsWith("obj/", StringComparison.Ordinal) || relative.StartsWith("bin/", StringComparison.Ordinal))
                continue;
            var folder = relative.Contains('/', StringComparison.Ordinal) ? relative[..relative.IndexOf('/', StringComparison.Ordinal)] : "";
            Assert.True(MayUse.ContainsKey(folder), $"{relative}: folder '{folder}' has no place in the layers");
            var allowed = MayUse[folder].Append(folder).ToHashSet(StringComparer.Ordinal);
            var code = WithoutCommentsAndStrings(File.ReadAllText(file));
            foreach (Match used in UsingServerNamespace().Matches(code))
            {
                if (!allowed.Contains(used.Groups[1].Value))
                    violations.Add($"{relative}: using Wargame.Server.{used.Groups[1].Value}");
            }
            foreach (var name in Identifier().Matches(code).Select(m => m.Value).Distinct(StringComparer.Ordinal))
            {
                if (folders.TryGetValue(name, out var owner) && !allowed.Contains(owner))
                    violations.Add($"{relative}: {name} ({owner})");
            }
        }
        Assert.Empty(violations);
    }

    /// <summary>The simple name of every type Wargame.Server declares, with the folder (namespace) it lives in.</summary>
    private static Dictionary<string, string> TypesByFolder()
    {
        var declared = typeof(WargameServer).Assembly.GetTypes()
            .Where(t => t.Namespace?.StartsWith("Wargame.Server.", StringComparison.Ordinal) == true && !t.Name.Contains('<', StringComparison.Ordinal))
            .Select(t => (Name: t.Name.Split('`')[0], Folder: t.Namespace!["Wargame.Server.".Length..].Split('.')[0]))
            .ToList();
        // A name declared in two folders cannot be told apart by scanning, so it is left out (there is none today).
        return declared.GroupBy(d => d.Name, StringComparer.Ordinal)
            .Where(g => g.Select(d => d.Folder).Distinct(StringComparer.Ordinal).Count() == 1)
            .ToDictionary(g => g.Key, g => g.First().Folder, StringComparer.Ordinal);
    }

    private static string WithoutCommentsAndStrings(string code) => CommentOrString().Replace(code, " ");

    [GeneratedRegex(@"//[^\n]*|/\*.*?\*/|@""(?:[^""]|"""")*""|""(?:[^""\\\n]|\\.)*""", RegexOptions.Singleline)]
    private static partial Regex CommentOrString();

    [GeneratedRegex(@"\busing\s+(?:static\s+)?Wargame\.Server\.(\w+)")]
    private static partial Regex UsingServerNamespace();

    [GeneratedRegex(@"\b[A-Z]\w*\b")]
    private static partial Regex Identifier();

    private static string RepositoryRoot()
    {
        for (var directory = new DirectoryInfo(AppContext.BaseDirectory); directory is not null; directory = directory.Parent)
            if (File.Exists(Path.Combine(directory.FullName, "Wargame.sln")))
                return directory.FullName;
        throw new InvalidOperationException($"No Wargame.sln above {AppContext.BaseDirectory}.");
    }
}
