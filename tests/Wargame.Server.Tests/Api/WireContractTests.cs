using System.Text.Json;
using System.Text.Json.Nodes;
using Wargame.Server.Tests.Support;

namespace Wargame.Server.Tests.Api;

/// <summary>
/// clients/web generates its wire types from the committed clients/web/openapi.json; this keeps that file equal to
/// what the server serves at /openapi/v1.json (REST and hub alike), so a changed record cannot drift from the client.
/// </summary>
public sealed class WireContractTests
{
    private const string RefreshVariable = "WARGAME_REFRESH_CONTRACT";

    [Fact]
    public async Task CommittedWebClientContract_IsTheServersOpenApiDocument()
    {
        await using var server = await RunningServer.Start();
        var served = Normalize(await server.Http.GetStringAsync("/openapi/v1.json"));
        var path = Path.Combine(RepositoryRoot(), "clients", "web", "openapi.json");
        if (Environment.GetEnvironmentVariable(RefreshVariable) == "1")
            await File.WriteAllTextAsync(path, served);
        var committed = File.Exists(path) ? (await File.ReadAllTextAsync(path)).ReplaceLineEndings("\n") : "";
        Assert.True(committed == served,
            $"{path} is not the server's OpenAPI document ({FirstDifference(committed, served)}). Refresh it with " +
            $"`{RefreshVariable}=1 dotnet test tests/Wargame.Server.Tests -c Release --filter {nameof(WireContractTests)} -p:SkipWebClient=true` " +
            "(or `npm run contract` in clients/web), then build the client: its types are generated from that file.");
    }

    [Fact]
    public async Task Contract_NamesEveryHubMethodAndTheRecordsItCarries()
    {
        await using var server = await RunningServer.Start();
        var schemas = JsonNode.Parse(await server.Http.GetStringAsync("/openapi/v1.json"))!["components"]!["schemas"]!;
        var hub = schemas["GameHub"]!["properties"]!.AsObject();
        var invocable = typeof(Wargame.Server.Hubs.GameHub).GetMethods()
            .Where(m => m.DeclaringType == typeof(Wargame.Server.Hubs.GameHub) && m.GetBaseDefinition().DeclaringType == m.DeclaringType)
            .Select(m => m.Name);
        Assert.Equal(invocable.Order(), hub.Select(p => p.Key).Order());
        Assert.Equal(["orders"], hub["SubmitOrders"]!["properties"]!["arguments"]!["properties"]!.AsObject().Select(p => p.Key));
        Assert.Equal("#/components/schemas/CommandResult", hub["SubmitOrders"]!["properties"]!["returns"]!["$ref"]!.GetValue<string>());
        Assert.Equal(["seconds"], hub["SetDeadline"]!["properties"]!["arguments"]!["properties"]!.AsObject().Select(p => p.Key));
        Assert.Equal(["gameId", "view"], schemas["GameClient"]!["properties"]!["View"]!["properties"]!["arguments"]!["properties"]!.AsObject().Select(p => p.Key));
        foreach (var record in new[] { "GameView", "JoinResult", "SeatView", "CommandResult", "MessageRequest", "InjectRequest", "AdjustRequest", "GameDetails", "ReplayFrame" })
            Assert.NotNull(schemas[record]);
        // Every property is written (null or not), and numbers are numbers: the generated client types say so.
        var view = schemas["GameView"]!;
        Assert.Equal(view["properties"]!.AsObject().Select(p => p.Key).Order(), view["required"]!.AsArray().Select(r => r!.GetValue<string>()).Order());
        Assert.Equal("integer", view["properties"]!["version"]!["type"]!.GetValue<string>());
        // A nullable record is null or the record, as the server writes it.
        Assert.Equal("null", view["properties"]!["russianOutlook"]!["oneOf"]![0]!["type"]!.GetValue<string>());
        Assert.Equal("null", schemas["OrdersView"]!["properties"]!["submitted"]!["oneOf"]![0]!["type"]!.GetValue<string>());
    }

    /// <summary>The document as committed: indented, without the servers list (which names the test's own port).</summary>
    private static string Normalize(string document)
    {
        var json = JsonNode.Parse(document)!.AsObject();
        json.Remove("servers");
        return json.ToJsonString(new JsonSerializerOptions { WriteIndented = true, Encoder = System.Text.Encodings.Web.JavaScriptEncoder.UnsafeRelaxedJsonEscaping }).ReplaceLineEndings("\n") + "\n";
    }

    private static string FirstDifference(string committed, string served)
    {
        if (committed.Length == 0)
            return "the file is missing or empty";
        var a = committed.Split('\n');
        var b = served.Split('\n');
        for (var i = 0; i < Math.Max(a.Length, b.Length); i++)
        {
            var left = i < a.Length ? a[i].Trim() : "(end of file)";
            var right = i < b.Length ? b[i].Trim() : "(end of file)";
            if (left != right)
                return $"first difference at line {i + 1}: committed `{left}`, served `{right}`";
        }
        return "they differ";
    }

    private static string RepositoryRoot()
    {
        for (var directory = new DirectoryInfo(AppContext.BaseDirectory); directory is not null; directory = directory.Parent)
            if (File.Exists(Path.Combine(directory.FullName, "Wargame.sln")))
                return directory.FullName;
        throw new InvalidOperationException($"No Wargame.sln above {AppContext.BaseDirectory}.");
    }
}
