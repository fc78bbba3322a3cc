using Wargame.Domain.Scenarios;

namespace Wargame.Domain.Tests.Scenarios;

public sealed class ScenarioParserTests
{
    private static string Valid => File.ReadAllText(Path.Combine(TestScenarios.Directory, "treaty-path.yaml"));

    private static ScenarioError SingleError(string yaml)
    {
        var result = ScenarioParser.Parse("treaty-path.yaml", yaml);
        Assert.Null(result.Scenario);
        return Assert.Single(result.Errors);
    }

    [Fact]
    public void BrokenYaml_IsASyntaxErrorWithItsLine()
    {
        var result = ScenarioParser.Parse("x.yaml", "id: a\ntitle: [unclosed\n");

        var error = Assert.Single(result.Errors);
        Assert.Equal("(syntax)", error.Field);
        Assert.Equal("x.yaml", error.File);
        Assert.True(error.Line >= 2);
    }

    [Fact]
    public void TurnsOutOfRange_NamesFieldAndLine()
    {
        var yaml = Valid.Replace("turns: 8", "turns: 99");
        var line = yaml.Split('\n').ToList().FindIndex(l => l.StartsWith("turns:", StringComparison.Ordinal)) + 1;

        var error = SingleError(yaml);

        Assert.Equal("turns", error.Field);
        Assert.Equal(line, error.Line);
        Assert.Contains("1 to 40", error.Message);
    }

    [Fact]
    public void MisspelledField_IsAnErrorNotASilentDefault()
    {
        var error = SingleError(Valid.Replace("dmzWidthKm: 15", "dmzWidthKn: 15"));

        Assert.Equal("instruments[0].terms.dmzWidthKn", error.Field);
        Assert.Contains("not a known field", error.Message);
    }

    [Fact]
    public void UnknownEnumValue_ListsTheValidOnes()
    {
        var error = SingleError(Valid.Replace("legalForm: ratifiedTreaty", "legalForm: handshake"));

        Assert.Equal("instruments[1].terms.legalForm", error.Field);
        Assert.Contains("ratifiedTreaty", error.Message);
    }

    [Fact]
    public void NegativeTripwire_IsRejected()
    {
        var error = SingleError(Valid.Replace("{ guarantor: US, troops: 10000, location: rear }", "{ guarantor: US, troops: -5, location: rear }"));

        Assert.Equal("instruments[1].terms.tripwires[0].troops", error.Field);
    }

    [Fact]
    public void HiddenQuantityOutOfRange_IsRejected()
    {
        var error = SingleError(Valid.Replace("resolve: 0.5", "resolve: 1.5"));

        Assert.Equal("roles.RU.hidden.resolve", error.Field);
    }

    [Fact]
    public void InjectEffectOnUnknownQuantity_IsRejected()
    {
        var error = SingleError(Valid.Replace("quantity: RU.resolve", "quantity: RU.morale"));

        Assert.Equal("events[2].effects[0].quantity", error.Field);
    }

    [Fact]
    public void RuleOverride_ReplacesTheConstantAndTagsIt()
    {
        var result = ScenarioParser.Parse("treaty-path.yaml", Valid + "rules:\n  hazardBase: 0.1\n");

        Assert.True(result.IsValid, string.Join("\n", result.Errors));
        var constant = result.Scenario!.Constants()[Wargame.Domain.Adjudication.RuleKey.HazardBase];
        Assert.Equal(0.1, constant.Value);
        Assert.Equal("SCENARIO", constant.Tag);
    }

    [Fact]
    public void UnknownRuleOverride_IsRejected()
    {
        var error = SingleError(Valid + "rules:\n  hazardBasis: 0.1\n");

        Assert.Equal("rules.hazardBasis", error.Field);
    }

    [Fact]
    public void IdNotMatchingFileName_IsRejected()
    {
        var error = SingleError(Valid.Replace("id: treaty-path", "id: treaty-path-2"));

        Assert.Equal("id", error.Field);
        Assert.Contains("treaty-path", error.Message);
    }

    [Fact]
    public void MissingRole_IsReported()
    {
        var yaml = Valid;
        var start = yaml.IndexOf("  EU:\n", StringComparison.Ordinal);
        var end = yaml.IndexOf("instruments:", StringComparison.Ordinal);
        var error = SingleError(yaml[..start] + yaml[end..]);

        Assert.Equal("roles.EU", error.Field);
    }

    [Fact]
    public void ProposerNotAParty_IsRejected()
    {
        var error = SingleError(Valid.Replace("  - proposer: US\n    status: inForce\n    terms:\n      kind: ceasefire", "  - proposer: EU\n    status: inForce\n    terms:\n      kind: ceasefire"));

        Assert.Equal("instruments[0].proposer", error.Field);
    }

    private static int LineOf(string yaml, string text) => yaml.Split('\n').ToList().FindIndex(l => l.Contains(text, StringComparison.Ordinal)) + 1;

    [Fact]
    public void ATabInTheIndentation_IsReportedOnItsOwnLine()
    {
        var yaml = Valid.Replace("\nturnLength:", "\n\tturnLength:");

        var error = SingleError(yaml);

        Assert.Equal("(syntax)", error.Field);
        Assert.Equal(LineOf(yaml, "\tturnLength:"), error.Line);
        Assert.Contains("tab", error.Message);
    }

    [Fact]
    public void ASyntaxError_IsReportedWhereItsValueBegins_AndSaysWhereItRuns()
    {
        var yaml = Valid.Replace("sanctions: 6", "sanctions: \"6");

        var error = SingleError(yaml);

        Assert.Equal(LineOf(yaml, "sanctions: \"6"), error.Line);
        Assert.Matches($"begins on line {error.Line} runs to line \\d+", error.Message);
    }

    [Fact]
    public void AFieldFailingSeveralChecks_GetsOneError()
    {
        var yaml = Valid.Replace("    troops: 300000", "    troops: lots");

        var error = SingleError(yaml);

        Assert.Equal("roles.UA.troops", error.Field);
        Assert.Equal(LineOf(yaml, "troops: lots"), error.Line);
    }

    [Fact]
    public void AMisspelledRuleKey_SuggestsTheNearestOne()
    {
        var error = SingleError(Valid + "rules:\n  hazardBse: 0.1\n");

        Assert.Equal("rules.hazardBse", error.Field);
        Assert.Contains("did you mean hazardBase?", error.Message);
    }

    [Fact]
    public void AMisspelledField_SuggestsTheNearestOne()
    {
        var error = SingleError(Valid.Replace("dmzWidthKm: 15", "dmzWidth: 15"));

        Assert.Contains("did you mean dmzWidthKm?", error.Message);
    }

    [Theory]
    [InlineData("minorIncident: 1.5", "a probability or share, from 0 to 1")]
    [InlineData("hazardBase: -0.1", "a probability or share, from 0 to 1")]
    [InlineData("tripwireCoefficient: -1", "a non-negative rate, count or coefficient")]
    [InlineData("hrDmz: 0", "a positive factor or scale")]
    public void ARuleOverrideOutOfItsRange_IsRefusedWithTheRange(string line, string what)
    {
        var error = SingleError(Valid + $"rules:\n  {line}\n");

        Assert.Contains(what, error.Message);
    }

    [Fact]
    public void EveryDefaultConstant_IsWithinItsOwnBounds()
    {
        Assert.All(Enum.GetValues<Wargame.Domain.Adjudication.RuleKey>(), key =>
        {
            var (min, max, _) = Wargame.Domain.Adjudication.RulesTable.BoundsOf(key);
            Assert.InRange(Wargame.Domain.Adjudication.RulesTable.Default.Value(key), min, max);
        });
    }


    [Fact]
    public void ANamedLinePointOutsideUkraine_NamesThePointAndItsLine()
    {
        // Latitude and longitude swapped, the usual slip.
        var yaml = Valid.Replace("[38.45, 49.95]", "[49.95, 38.45]");

        var error = SingleError(yaml);

        Assert.Equal("lines[0].points[0]", error.Field);
        Assert.Equal(LineOf(yaml, "[49.95, 38.45]"), error.Line);
        Assert.Contains("is it [longitude, latitude]?", error.Message);
    }

    [Fact]
    public void ANamedLineWithAnotherNumberOfPoints_IsRefused()
    {
        var yaml = Valid.Replace("[37.95, 50.15], ", "");

        var error = SingleError(yaml);

        Assert.Equal("lines[2].points", error.Field);
        Assert.Equal("has 12 points but the first line has 13; every line lists the same number of points, north to south, so the contact line can move between them.", error.Message);
    }

    [Fact]
    public void AStartingTerritoryOutsideTheNamedLines_IsRefused()
    {
        var yaml = Valid.Replace("territory: 80.5", "territory: 50");

        var error = SingleError(yaml);

        Assert.Equal("territory", error.Field);
        Assert.Equal(LineOf(yaml, "territory: 50"), error.Line);
        Assert.Equal("is 50%, outside the named lines (60% to 86%); the starting contact line must lie between two of them.", error.Message);
    }

    [Fact]
    public void TwoLinesForTheSameTerritory_AreRefused()
    {
        var error = SingleError(Valid.Replace("territory: 82", "territory: 80"));

        Assert.Equal("lines[2].territory", error.Field);
    }

    [Fact]
    public void TheShippedLines_AreReadInOrder()
    {
        var scenario = ScenarioParser.Parse("treaty-path.yaml", Valid).Scenario!;

        Assert.Equal([86.0, 82, 80, 72, 60], scenario.Lines.Select(l => l.Territory).ToArray());
        Assert.Equal(new Wargame.Domain.Map.MapPoint(38.45, 49.95), scenario.Lines[0].Points[0]);
        Assert.All(scenario.Lines, l => Assert.Equal(13, l.Points.Length));
    }
}
