using System.Globalization;
using System.Text;
using Wargame.Domain.Adjudication;

namespace Wargame.Domain.Tests.Adjudication;

/// <summary>docs/game-model.md lists every constant of the rules table as the engine has it, so each tag's source can be read there.</summary>
public sealed class DesignDocumentTests
{
    private const string Begin = "<!-- rules-table:begin -->";
    private const string End = "<!-- rules-table:end -->";

    private static string DocumentPath => Path.Combine(TestScenarios.RepoRoot, "docs", "game-model.md");

    private static string Appendix()
    {
        var text = new StringBuilder();
        text.Append("| key | value | tag | source | what it is |\n| --- | --- | --- | --- | --- |\n");
        foreach (var c in RulesTable.Default.All)
            text.Append(CultureInfo.InvariantCulture, $"| `{c.Key}` | {c.Value.ToString("0.####", CultureInfo.InvariantCulture)} | {c.Tag} | {c.Source.Replace("|", "/", StringComparison.Ordinal)} | {c.Description.Replace("|", "/", StringComparison.Ordinal)} |\n");
        return text.ToString();
    }

    [Fact]
    public void TheDesignDocument_ListsEveryRuleConstantWithItsValueTagAndSource()
    {
        var document = File.ReadAllText(DocumentPath).ReplaceLineEndings("\n");
        var start = document.IndexOf(Begin, StringComparison.Ordinal) + Begin.Length;
        var end = document.IndexOf(End, StringComparison.Ordinal);
        var expected = "\n" + Appendix();
        if (Environment.GetEnvironmentVariable("WARGAME_REFRESH_DOCS") == "1")
        {
            File.WriteAllText(DocumentPath, document[..start] + expected + document[end..]);
            return;
        }

        Assert.Equal(expected, document[start..end]);
    }

    [Fact]
    public void EverySourceThatCitesTheDesignDocument_NamesAStepOrSectionItHas()
    {
        var document = File.ReadAllText(DocumentPath);

        Assert.All(RulesTable.Default.All.Where(c => c.Source.Contains("game-model.md step ", StringComparison.Ordinal)), c =>
        {
            var step = c.Source[(c.Source.IndexOf("game-model.md step ", StringComparison.Ordinal) + "game-model.md step ".Length)..][..1];
            Assert.Contains($"**{step}. ", document, StringComparison.Ordinal);
        });
    }
}
