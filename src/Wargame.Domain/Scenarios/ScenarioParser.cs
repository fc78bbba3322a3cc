using System.Collections.Immutable;
using Wargame.Domain.Roles;
using YamlDotNet.RepresentationModel;

namespace Wargame.Domain.Scenarios;

/// <summary>An error in a scenario file, located for the facilitator who wrote it.</summary>
public sealed record ScenarioError(string File, int Line, string Field, string Message)
{
    public override string ToString() => $"{File}:{Line}: {Field}: {Message}";
}

public sealed record ScenarioParseResult(Scenario? Scenario, ImmutableArray<ScenarioError> Errors)
{
    public bool IsValid => Scenario is not null && Errors.IsEmpty;
}

/// <summary>Parses scenario YAML text (the caller reads the file: the domain does no I/O).</summary>
public static class ScenarioParser
{
    public static ScenarioParseResult Parse(string fileName, string yaml)
    {
        var errors = ImmutableArray.CreateBuilder<ScenarioError>();
        var stream = new YamlStream();
        try
        {
            stream.Load(new StringReader(yaml));
        }
        catch (YamlDotNet.Core.YamlException e)
        {
            return new(null, [new ScenarioError(fileName, (int)e.Start.Line, "(syntax)", e.Message)]);
        }

        if (stream.Documents.Count == 0 || stream.Documents[0].RootNode is not YamlMappingNode root)
            return new(null, [new ScenarioError(fileName, 1, "(root)", "The file must be a YAML mapping.")]);

        string Text(YamlMappingNode node, string field, string path)
        {
            if (node.Children.TryGetValue(new YamlScalarNode(field), out var value) && value is YamlScalarNode { Value: { Length: > 0 } text })
                return text;
            errors.Add(new ScenarioError(fileName, (int)node.Start.Line, path + field, "is required and must be text."));
            return "";
        }

        var turns = 8;
        if (root.Children.TryGetValue(new YamlScalarNode("turns"), out var turnsNode))
        {
            if (turnsNode is not YamlScalarNode { Value: { } t } || !int.TryParse(t, out turns) || turns is < 1 or > 40)
                errors.Add(new ScenarioError(fileName, (int)turnsNode.Start.Line, "turns", "must be a whole number from 1 to 40."));
        }

        var roles = ImmutableArray.CreateBuilder<RoleSetup>();
        if (root.Children.TryGetValue(new YamlScalarNode("roles"), out var rolesNode) && rolesNode is YamlMappingNode roleMap)
        {
            foreach (var role in RoleSet.All)
            {
                if (roleMap.Children.TryGetValue(new YamlScalarNode(role.ToString()), out var r) && r is YamlMappingNode rm)
                    roles.Add(new RoleSetup(role, Text(rm, "publicBriefing", $"roles.{role}."), Text(rm, "privateBriefing", $"roles.{role}.")));
                else
                    errors.Add(new ScenarioError(fileName, (int)roleMap.Start.Line, $"roles.{role}", "is missing: every role needs a briefing."));
            }
        }
        else
        {
            errors.Add(new ScenarioError(fileName, (int)root.Start.Line, "roles", "is required: a mapping with UA, RU, US and EU."));
        }

        var scenario = new Scenario
        {
            Id = Text(root, "id", ""),
            Title = Text(root, "title", ""),
            Summary = Text(root, "summary", ""),
            Turns = turns,
            Roles = roles.ToImmutable(),
        };
        return errors.Count == 0 ? new(scenario, []) : new(null, errors.ToImmutable());
    }
}
