using System.Collections.Immutable;
using System.Globalization;
using Wargame.Domain.Adjudication;
using Wargame.Domain.Game;
using Wargame.Domain.Guarantees;
using Wargame.Domain.Map;
using Wargame.Domain.Negotiation;
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

/// <summary>
/// Parses scenario YAML text (the caller reads the file: the domain does no I/O). Every field is checked;
/// unknown fields are errors too, so a typo never silently falls back to a default.
/// </summary>
public static class ScenarioParser
{
    public static ScenarioParseResult Parse(string fileName, string yaml)
    {
        yaml ??= "";
        // YAML forbids tabs in indentation; the parser reports them on the line before, where its scan began.
        if (TabIndented(yaml) is { } tabLine)
            return new(null, [new ScenarioError(fileName, tabLine, "(syntax)", "a tab indents this line; YAML indents with spaces only.")]);
        var stream = new YamlStream();
        try
        {
            stream.Load(new StringReader(yaml));
        }
        catch (YamlDotNet.Core.YamlException e)
        {
            var span = e.End.Line > e.Start.Line ? $" (the value that begins on line {e.Start.Line} runs to line {e.End.Line})" : "";
            return new(null, [new ScenarioError(fileName, (int)e.Start.Line, "(syntax)", e.Message.TrimEnd('.') + span + ".")]);
        }

        if (stream.Documents.Count == 0 || stream.Documents[0].RootNode is not YamlMappingNode root)
            return new(null, [new ScenarioError(fileName, 1, "(root)", "The file must be a YAML mapping with id, title, summary, turns and roles.")]);

        var reader = new Reader(fileName);
        var scenario = reader.ReadScenario(root);
        return reader.Errors.Count == 0 ? new(scenario, []) : new(null, reader.Errors.ToImmutable());
    }

    /// <summary>The first line (1-based) whose indentation contains a tab, outside comments; null when none does.</summary>
    private static int? TabIndented(string yaml)
    {
        var lines = yaml.Split('\n');
        for (var i = 0; i < lines.Length; i++)
        {
            var indent = lines[i].TakeWhile(c => c is ' ' or '\t').ToArray();
            if (indent.Contains('\t') && lines[i].Trim().Length > 0 && !lines[i].TrimStart().StartsWith('#'))
                return i + 1;
        }
        return null;
    }

    /// <summary>The name of <paramref name="known"/> closest to <paramref name="name"/> when it is a plausible typo of it.</summary>
    public static string? Nearest(string name, IEnumerable<string> known)
    {
        var best = known.Select(k => (Name: k, Distance: Distance(name.ToLowerInvariant(), k.ToLowerInvariant()))).OrderBy(x => x.Distance).ThenBy(x => x.Name, StringComparer.Ordinal).FirstOrDefault();
        return best.Name is not null && best.Distance <= Math.Max(2, name.Length / 3) ? best.Name : null;
    }

    /// <summary>Levenshtein distance.</summary>
    private static int Distance(string a, string b)
    {
        var row = Enumerable.Range(0, b.Length + 1).ToArray();
        for (var i = 1; i <= a.Length; i++)
        {
            var diagonal = row[0];
            row[0] = i;
            for (var j = 1; j <= b.Length; j++)
            {
                var above = row[j];
                row[j] = Math.Min(Math.Min(row[j] + 1, row[j - 1] + 1), diagonal + (a[i - 1] == b[j - 1] ? 0 : 1));
                diagonal = above;
            }
        }
        return row[b.Length];
    }

    private sealed class Reader(string fileName)
    {
        public ImmutableArray<ScenarioError>.Builder Errors { get; } = ImmutableArray.CreateBuilder<ScenarioError>();

        /// <summary>Fields already reported: a field gets one error, its first, however many checks it fails.</summary>
        private readonly HashSet<string> _reported = [];

        private void Error(YamlNode node, string field, string message)
        {
            if (_reported.Add(field))
                Errors.Add(new ScenarioError(fileName, (int)node.Start.Line, field, message));
        }

        public Scenario ReadScenario(YamlMappingNode root)
        {
            Known(root, "", "id", "title", "summary", "turns", "turnLength", "territory", "sanctions", "roles", "instruments", "events", "rules", "lines");
            var id = Text(root, "id", "", required: true);
            if (id.Length > 0 && !id.All(c => c is (>= 'a' and <= 'z') or (>= '0' and <= '9') or '-'))
                Error(Child(root, "id")!, "id", "must be lowercase letters, digits and dashes (it names the file).");
            var expected = Path.GetFileNameWithoutExtension(fileName);
            if (id.Length > 0 && expected.Length > 0 && Path.GetExtension(fileName) is ".yaml" or ".yml" && id != expected)
                Error(Child(root, "id")!, "id", $"is '{id}' but the file is named '{expected}'; they must match.");
            var turns = Int(root, "turns", "", 1, 40) ?? 8;
            var territory = Number(root, "territory", "", 0, 100) ?? 80;
            var lines = ReadLines(root, territory);
            var instruments = ReadInstruments(root);
            CheckLineNames(root, instruments, lines);

            return new Scenario
            {
                Id = id,
                Title = Text(root, "title", "", required: true),
                Summary = Text(root, "summary", "", required: true),
                Turns = turns,
                TurnLength = Text(root, "turnLength", "", required: false) is { Length: > 0 } length ? length : "quarter",
                Territory = territory,
                Sanctions = Int(root, "sanctions", "", 0, 10) ?? 6,
                Roles = ReadRoles(root),
                Instruments = instruments,
                Lines = lines,
                Events = ReadEvents(root, turns),
                RuleOverrides = ReadRules(root),
            };
        }

        private ImmutableArray<RoleSetup> ReadRoles(YamlMappingNode root)
        {
            if (Child(root, "roles") is not YamlMappingNode roleMap)
            {
                Error(Child(root, "roles") ?? root, "roles", "is required: a mapping with UA, RU, US and EU.");
                return [];
            }
            Known(roleMap, "roles.", [.. RoleSet.All.Select(r => r.ToString())]);
            var roles = ImmutableArray.CreateBuilder<RoleSetup>();
            foreach (var role in RoleSet.All)
            {
                var path = $"roles.{role}.";
                if (Child(roleMap, role.ToString()) is not YamlMappingNode rm)
                {
                    Error(Child(roleMap, role.ToString()) ?? roleMap, $"roles.{role}", "is missing: every role needs a mapping with its briefings.");
                    continue;
                }
                string[] fields = role.IsGuarantor()
                    ? ["publicBriefing", "privateBriefing", "troops", "location", "reinforcements72h", "reputation", "reputationHistory", "hidden"]
                    : ["publicBriefing", "privateBriefing", "troops", "hidden"];
                Known(rm, path, fields);
                var troops = Int(rm, "troops", path, 0, 2_000_000);
                if (troops is null && !role.IsGuarantor())
                    Error(rm, path + "troops", "is required: the troops this role has in theatre.");
                roles.Add(new RoleSetup(role, Text(rm, "publicBriefing", path, required: true), Text(rm, "privateBriefing", path, required: true))
                {
                    Troops = troops ?? 0,
                    Location = Enum<TripwireLocation>(rm, "location", path) ?? TripwireLocation.Rear,
                    Reinforcements72h = Int(rm, "reinforcements72h", path, 0, 500_000) ?? 0,
                    Reputation = Number(rm, "reputation", path, 0, 1),
                    ReputationHistory = role.IsGuarantor() ? ReadHistory(rm, path) : [],
                    Hidden = ReadHidden(rm, role, path),
                });
            }
            return roles.ToImmutable();
        }

        /// <summary>reputationHistory: [{ turn: -4, change: -0.05, reason: "..." }]: turns before the game count from 0 down.</summary>
        private ImmutableArray<ReputationEntry> ReadHistory(YamlMappingNode rm, string path)
        {
            var list = ImmutableArray.CreateBuilder<ReputationEntry>();
            foreach (var (item, itemPath) in Mappings(rm, "reputationHistory", path, "must be a list of { turn, change, reason }.", "must be a mapping { turn, change, reason }."))
            {
                Known(item, itemPath, "turn", "change", "reason");
                var change = Number(item, "change", itemPath, -1, 1);
                if (change is null)
                    Error(item, itemPath + "change", "is required: how much the event moved reputation (-1..1).");
                list.Add(new ReputationEntry(Int(item, "turn", itemPath, -100, 0) ?? 0, change ?? 0, Text(item, "reason", itemPath, required: true)));
            }
            return list.ToImmutable();
        }

        private ImmutableSortedDictionary<string, double> ReadHidden(YamlMappingNode rm, Role role, string path)
        {
            var values = HiddenQuantities.Defaults(role);
            if (Child(rm, "hidden") is not { } node)
                return values;
            if (node is not YamlMappingNode map)
            {
                Error(node, path + "hidden", "must be a mapping of hidden quantities.");
                return values;
            }
            var names = HiddenQuantities.All.Where(d => d.Role == role).Select(d => d.Name).ToArray();
            Known(map, path + "hidden.", names);
            foreach (var d in HiddenQuantities.All.Where(d => d.Role == role))
            {
                if (Number(map, d.Name, path + "hidden.", d.Min, d.Max) is { } v)
                    values = values.SetItem(d.Name, v);
            }
            return values;
        }

        /// <summary>
        /// The mappings listed under <paramref name="field"/>, each with its path ("events[2]."). A field that is not
        /// a list, or an item that is not a mapping, is reported with the shape expected and skipped.
        /// </summary>
        private IEnumerable<(YamlMappingNode Item, string Path)> Mappings(YamlMappingNode parent, string field, string path, string listShape, string itemShape)
        {
            if (Child(parent, field) is not { } node)
                yield break;
            if (node is not YamlSequenceNode seq)
            {
                Error(node, path + field, listShape);
                yield break;
            }
            var index = 0;
            foreach (var item in seq)
            {
                var itemPath = $"{path}{field}[{index++}].";
                if (item is YamlMappingNode mapping)
                    yield return (mapping, itemPath);
                else
                    Error(item, itemPath.TrimEnd('.'), itemShape);
            }
        }

        private ImmutableArray<InstrumentSetup> ReadInstruments(YamlMappingNode root)
        {
            var list = ImmutableArray.CreateBuilder<InstrumentSetup>();
            foreach (var (m, path) in Mappings(root, "instruments", "", "must be a list of agreements on the table.", "must be a mapping with proposer, status and terms."))
            {
                Known(m, path, "proposer", "status", "terms");
                var proposer = Enum<Role>(m, "proposer", path);
                if (proposer is null && Child(m, "proposer") is null)
                    Error(m, path + "proposer", "is required: the role that put this on the table.");
                var status = Enum<InstrumentStatus>(m, "status", path) ?? InstrumentStatus.Proposed;
                var terms = ReadTerms(m, path);
                if (terms is null || proposer is not { } p)
                    continue;
                if (!TermsCheck.Parties(terms).Contains(p))
                    Error(Child(m, "proposer")!, path + "proposer", $"{p} is not a party to these terms (parties: {string.Join(", ", TermsCheck.Parties(terms))}).");
                list.Add(new InstrumentSetup(p, status, terms));
            }
            return list.ToImmutable();
        }

        private AgreementTerms? ReadTerms(YamlMappingNode parent, string parentPath)
        {
            var path = parentPath + "terms.";
            if (Child(parent, "terms") is not YamlMappingNode m)
            {
                Error(Child(parent, "terms") ?? parent, path.TrimEnd('.'), "is required: a mapping with kind (ceasefire or guarantee) and the terms.");
                return null;
            }
            var kind = Text(m, "kind", path, required: true);
            AgreementTerms? terms;
            switch (kind)
            {
                case "ceasefire":
                    Known(m, path, "kind", "durationTurns", "line", "lineName", "dmzWidthKm", "monitoring", "monitorsFrom", "jointCommission",
                        "specificity", "sanctionsRelief", "uaForceCapThousands", "natoNonAccessionPledge", "prisonerExchange", "mediators");
                    terms = new CeasefireTerms
                    {
                        DurationTurns = Int(m, "durationTurns", path, 1, 40),
                        Line = Enum<LineOfContact>(m, "line", path) ?? LineOfContact.Freeze,
                        LineName = Text(m, "lineName", path, required: false) is { Length: > 0 } name ? name : null,
                        DmzWidthKm = Int(m, "dmzWidthKm", path, 0, 100) ?? 0,
                        Monitoring = Enum<Monitoring>(m, "monitoring", path) ?? Monitoring.None,
                        MonitorsFrom = Texts(m, "monitorsFrom", path),
                        JointCommission = Bool(m, "jointCommission", path) ?? false,
                        Specificity = Enum<TextSpecificity>(m, "specificity", path) ?? TextSpecificity.General,
                        SanctionsRelief = Enum<SanctionsRelief>(m, "sanctionsRelief", path) ?? SanctionsRelief.None,
                        UaForceCapThousands = Int(m, "uaForceCapThousands", path, 50, 2000),
                        NatoNonAccessionPledge = Bool(m, "natoNonAccessionPledge", path) ?? false,
                        PrisonerExchange = Bool(m, "prisonerExchange", path) ?? false,
                        Mediators = Roles(m, "mediators", path),
                    };
                    break;
                case "guarantee":
                    Known(m, path, "kind", "durationTurns", "guarantors", "legalForm", "trigger", "ambiguityClause", "tripwires",
                        "economicStake", "armsAndIntelligence", "russianConsentSought", "public");
                    terms = new GuaranteeTerms
                    {
                        DurationTurns = Int(m, "durationTurns", path, 1, 40),
                        Guarantors = Roles(m, "guarantors", path),
                        LegalForm = Enum<LegalForm>(m, "legalForm", path) ?? LegalForm.Verbal,
                        Trigger = Enum<Trigger>(m, "trigger", path) ?? Trigger.Consultative,
                        AmbiguityClause = Bool(m, "ambiguityClause", path) ?? false,
                        Tripwires = ReadTripwires(m, path),
                        Public = Bool(m, "public", path) ?? true,
                        EconomicStake = Enum<EconomicStake>(m, "economicStake", path) ?? EconomicStake.None,
                        ArmsAndIntelligence = Bool(m, "armsAndIntelligence", path) ?? false,
                        RussianConsentSought = Bool(m, "russianConsentSought", path) ?? false,
                    };
                    break;
                default:
                    if (kind.Length > 0)
                        Error(Child(m, "kind")!, path + "kind", $"'{kind}' is not a kind of agreement: use ceasefire or guarantee.");
                    return null;
            }
            foreach (var problem in TermsCheck.Problems(terms))
                Error(Child(m, problem.Field) ?? m, path + problem.Field, problem.Message);
            return terms;
        }

        /// <summary>Longitudes and latitudes a named line may use: Ukraine and a margin around it.</summary>
        private const double MinLon = 22, MaxLon = 41, MinLat = 44, MaxLat = 53;
        private const int MaxLinePoints = 200;

        private ImmutableArray<NamedLine> ReadLines(YamlMappingNode root, double territory)
        {
            var lines = ImmutableArray.CreateBuilder<NamedLine>();
            foreach (var (m, path) in Mappings(root, "lines", "", "must be a list of named lines {name, territory, points}.", "must be a mapping {name, territory, points}."))
            {
                Known(m, path, "name", "territory", "points");
                var name = Text(m, "name", path, required: true);
                if (name.Length > 0 && lines.Any(l => l.Name == name))
                    Error(Child(m, "name")!, path + "name", $"'{name}' names another line too; line names must be unique.");
                var held = Number(m, "territory", path, 0, 100);
                if (held is null && Child(m, "territory") is null)
                    Error(m, path + "territory", "is required: the share of territory (percent) Ukraine holds when the front runs along this line.");
                if (held is { } h && lines.Any(l => l.Territory == h))
                    Error(Child(m, "territory")!, path + "territory", $"is {Fmt.Short(h)}, as another line's is; each line marks a different share of territory.");
                var points = ReadPoints(m, path);
                if (lines.Count > 0 && !points.IsDefaultOrEmpty && points.Length != lines[0].Points.Length)
                    Error(Child(m, "points")!, path + "points", $"has {points.Length} points but the first line has {lines[0].Points.Length}; every line lists the same number of points, north to south, so the contact line can move between them.");
                if (name.Length > 0 && held is { } t && !points.IsDefaultOrEmpty)
                    lines.Add(new NamedLine(name, t, points));
            }
            if (Child(root, "lines") is { } node && Errors.Count == 0)
            {
                if (lines.Count < 2)
                    Error(node, "lines", "needs at least two named lines: the contact line moves between them as territory changes hands.");
                else if (territory < lines.Min(l => l.Territory) || territory > lines.Max(l => l.Territory))
                    Error(Child(root, "territory") ?? root, "territory", $"is {Fmt.Short(territory)}%, outside the named lines ({Fmt.Short(lines.Min(l => l.Territory))}% to {Fmt.Short(lines.Max(l => l.Territory))}%); the starting contact line must lie between two of them.");
            }
            return lines.ToImmutable();
        }

        private ImmutableArray<MapPoint> ReadPoints(YamlMappingNode m, string path)
        {
            var field = path + "points";
            if (Child(m, "points") is not { } node)
            {
                Error(m, field, "is required: a list of [longitude, latitude] pairs, north to south.");
                return [];
            }
            if (node is not YamlSequenceNode seq || seq.Children.Count < 2 || seq.Children.Count > MaxLinePoints)
            {
                Error(node, field, $"must be a list of 2 to {MaxLinePoints} [longitude, latitude] pairs.");
                return [];
            }
            var points = ImmutableArray.CreateBuilder<MapPoint>();
            var index = 0;
            foreach (var item in seq)
            {
                var at = $"{field}[{index++}]";
                if (item is YamlSequenceNode { Children.Count: 2 } pair && Coordinate(pair[0]) is { } lon && Coordinate(pair[1]) is { } lat)
                {
                    if (lon < MinLon || lon > MaxLon || lat < MinLat || lat > MaxLat)
                    {
                        Error(item, at, $"[{Fmt.Short(lon)}, {Fmt.Short(lat)}] lies outside Ukraine and its borders (longitude {MinLon} to {MaxLon}, latitude {MinLat} to {MaxLat}); is it [longitude, latitude]?");
                        return [];
                    }
                    points.Add(new MapPoint(lon, lat));
                }
                else
                {
                    Error(item, at, "must be a pair [longitude, latitude] of numbers in degrees.");
                    return [];
                }
            }
            return points.ToImmutable();
        }

        private static double? Coordinate(YamlNode node) =>
            node is YamlScalarNode { Value: { } text } && double.TryParse(text, NumberStyles.Float, CultureInfo.InvariantCulture, out var v) && double.IsFinite(v) ? v : null;

        /// <summary>A ceasefire that withdraws to a named line must name one of the scenario's lines, when it has any.</summary>
        private void CheckLineNames(YamlMappingNode root, ImmutableArray<InstrumentSetup> instruments, ImmutableArray<NamedLine> lines)
        {
            if (lines.IsEmpty || Child(root, "instruments") is not YamlSequenceNode seq)
                return;
            for (var i = 0; i < instruments.Length && i < seq.Children.Count; i++)
            {
                if (instruments[i].Terms is CeasefireTerms { LineName: { } name } && lines.All(l => l.Name != name)
                    && seq[i] is YamlMappingNode m && Child(m, "terms") is YamlMappingNode terms)
                    Error(Child(terms, "lineName")!, $"instruments[{i}].terms.lineName", $"'{name}' is not one of the scenario's lines: {string.Join(", ", lines.Select(l => l.Name))}.");
            }
        }

        private ImmutableArray<Tripwire> ReadTripwires(YamlMappingNode m, string path)
        {
            var list = ImmutableArray.CreateBuilder<Tripwire>();
            foreach (var (t, p) in Mappings(m, "tripwires", path, "must be a list of {guarantor, troops, location}.", "must be a mapping {guarantor, troops, location}."))
            {
                Known(t, p, "guarantor", "troops", "location");
                var guarantor = Enum<Role>(t, "guarantor", p);
                var troops = Int(t, "troops", p, 0, TermsCheck.MaxTripwireTroops);
                if (guarantor is null || troops is null)
                {
                    if (Child(t, "guarantor") is null || Child(t, "troops") is null)
                        Error(t, p.TrimEnd('.'), "needs a guarantor and troops.");
                    continue;
                }
                list.Add(new Tripwire(guarantor.Value, troops.Value, Enum<TripwireLocation>(t, "location", p) ?? TripwireLocation.Rear));
            }
            return list.ToImmutable();
        }

        private ImmutableArray<EventCard> ReadEvents(YamlMappingNode root, int turns)
        {
            var cards = ImmutableArray.CreateBuilder<EventCard>();
            foreach (var (m, path) in Mappings(root, "events", "", "must be a list of event cards.", "must be a mapping with id, title, text, turn and effects."))
            {
                Known(m, path, "id", "title", "text", "turn", "effects");
                var id = Text(m, "id", path, required: true);
                if (cards.Any(c => c.Id == id))
                    Error(Child(m, "id")!, path + "id", $"'{id}' is used by another card; card ids must be unique.");
                var turn = Int(m, "turn", path, 1, 40);
                if (turn > turns)
                    Error(Child(m, "turn")!, path + "turn", $"is {turn} but the scenario has only {turns} turns.");
                cards.Add(new EventCard(id, Text(m, "title", path, required: true), Text(m, "text", path, required: true), turn, ReadEffects(m, path)));
            }
            return cards.ToImmutable();
        }

        private ImmutableArray<InjectEffect> ReadEffects(YamlMappingNode m, string path)
        {
            var effects = ImmutableArray.CreateBuilder<InjectEffect>();
            foreach (var (e, p) in Mappings(m, "effects", path, "must be a list of {quantity, delta}.", "must be a mapping {quantity, delta}."))
            {
                Known(e, p, "quantity", "delta");
                var quantity = Text(e, "quantity", p, required: true);
                var delta = Number(e, "delta", p, -1_000_000, 1_000_000);
                if (delta is null && Child(e, "delta") is null)
                    Error(e, p + "delta", "is required: how much the quantity moves.");
                if (quantity.Length > 0 && Effects.Check(quantity) is { } problem)
                    Error(Child(e, "quantity")!, p + "quantity", problem);
                if (quantity.Length > 0 && delta is { } d)
                    effects.Add(new InjectEffect(quantity, d));
            }
            return effects.ToImmutable();
        }

        private ImmutableSortedDictionary<string, double> ReadRules(YamlMappingNode root)
        {
            var overrides = ImmutableSortedDictionary<string, double>.Empty;
            if (Child(root, "rules") is not { } node)
                return overrides;
            if (node is not YamlMappingNode map)
            {
                Error(node, "rules", "must be a mapping of rule constants to override, such as hazardBase: 0.1.");
                return overrides;
            }
            foreach (var (keyNode, valueNode) in map.Children)
            {
                var name = (keyNode as YamlScalarNode)?.Value ?? "";
                if (!RulesTable.TryParseName(name, out var key))
                {
                    var names = System.Enum.GetValues<RuleKey>().Select(RulesTable.NameOf).ToArray();
                    Error(keyNode, $"rules.{name}", Nearest(name, names) is { } near
                        ? $"is not a rule constant; did you mean {near}? (the rules table lists every key with its source)"
                        : $"is not a rule constant. Known: {string.Join(", ", names)}.");
                    continue;
                }
                var (min, max, what) = RulesTable.BoundsOf(key);
                if (valueNode is YamlScalarNode { Value: { } text } && double.TryParse(text.Replace("_", ""), NumberStyles.Float, CultureInfo.InvariantCulture, out var v)
                    && double.IsFinite(v) && v >= min && v <= max)
                    overrides = overrides.SetItem(name, v);
                else
                    Error(valueNode, $"rules.{name}", $"must be {what}, from {min.ToString(CultureInfo.InvariantCulture)} to {max.ToString(CultureInfo.InvariantCulture)}.");
            }
            return overrides;
        }

        // Field readers: each reports its own error with the node's line and returns null (or a default) when wrong.

        private static YamlNode? Child(YamlMappingNode node, string field) =>
            node.Children.TryGetValue(new YamlScalarNode(field), out var value) ? value : null;

        private void Known(YamlMappingNode node, string path, params string[] fields)
        {
            foreach (var key in node.Children.Keys)
            {
                var name = (key as YamlScalarNode)?.Value ?? "";
                if (!fields.Contains(name))
                    Error(key, path + name, Nearest(name, fields) is { } near
                        ? $"is not a known field here; did you mean {near}? Expected one of: {string.Join(", ", fields)}."
                        : $"is not a known field here. Expected one of: {string.Join(", ", fields)}.");
            }
        }

        private string Text(YamlMappingNode node, string field, string path, bool required)
        {
            var value = Child(node, field);
            if (value is YamlScalarNode { Value: { } text } && !string.IsNullOrWhiteSpace(text))
                return text.Trim();
            if (value is not null && value is not YamlScalarNode)
                Error(value, path + field, "must be text.");
            else if (required)
                Error(value ?? node, path + field, "is required and must be text.");
            return "";
        }

        private ImmutableArray<string> Texts(YamlMappingNode node, string field, string path)
        {
            var value = Child(node, field);
            if (value is null)
                return [];
            if (value is YamlSequenceNode seq && seq.All(i => i is YamlScalarNode { Value.Length: > 0 }))
                return [.. seq.Cast<YamlScalarNode>().Select(s => s.Value!)];
            Error(value, path + field, "must be a list of names.");
            return [];
        }

        private ImmutableArray<Role> Roles(YamlMappingNode node, string field, string path)
        {
            var names = Texts(node, field, path);
            var roles = ImmutableArray.CreateBuilder<Role>();
            foreach (var name in names)
            {
                if (System.Enum.TryParse<Role>(name, ignoreCase: false, out var role) && System.Enum.IsDefined(role))
                    roles.Add(role);
                else
                    Error(Child(node, field)!, path + field, $"'{name}' is not a role (UA, RU, US, EU).");
            }
            return roles.ToImmutable();
        }

        private int? Int(YamlMappingNode node, string field, string path, int min, int max)
        {
            if (Child(node, field) is not { } value)
                return null;
            if (value is YamlScalarNode { Value: { } text } && int.TryParse(text.Replace("_", ""), NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture, out var n) && n >= min && n <= max)
                return n;
            Error(value, path + field, $"must be a whole number from {min.ToString("N0", CultureInfo.InvariantCulture)} to {max.ToString("N0", CultureInfo.InvariantCulture)}.");
            return null;
        }

        private double? Number(YamlMappingNode node, string field, string path, double min, double max)
        {
            if (Child(node, field) is not { } value)
                return null;
            if (value is YamlScalarNode { Value: { } text } && double.TryParse(text.Replace("_", ""), NumberStyles.Float, CultureInfo.InvariantCulture, out var n)
                && double.IsFinite(n) && n >= min && n <= max)
                return n;
            Error(value, path + field, $"must be a number from {min.ToString(CultureInfo.InvariantCulture)} to {max.ToString(CultureInfo.InvariantCulture)}.");
            return null;
        }

        private bool? Bool(YamlMappingNode node, string field, string path)
        {
            if (Child(node, field) is not { } value)
                return null;
            if (value is YamlScalarNode { Value: "true" or "false" } s)
                return s.Value == "true";
            Error(value, path + field, "must be true or false.");
            return null;
        }

        private T? Enum<T>(YamlMappingNode node, string field, string path) where T : struct, System.Enum
        {
            if (Child(node, field) is not { } value)
                return null;
            if (value is YamlScalarNode { Value: { } text } && !text.Any(char.IsDigit)
                && System.Enum.TryParse<T>(text, ignoreCase: true, out var result) && System.Enum.IsDefined(result))
                return result;
            var names = System.Enum.GetNames<T>().Select(n => typeof(T) == typeof(Role) ? n : char.ToLowerInvariant(n[0]) + n[1..]);
            Error(value, path + field, $"must be one of: {string.Join(", ", names)}.");
            return null;
        }
    }
}
