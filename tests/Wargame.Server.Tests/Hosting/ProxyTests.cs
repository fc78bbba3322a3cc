using System.Net;
using System.Net.Http.Json;
using Wargame.Server.Tests.Support;

namespace Wargame.Server.Tests.Hosting;

public sealed class ProxyTests
{
    [Fact]
    public async Task BehindATrustedProxy_RateLimitsApplyToEachClientAddress_NotToTheProxy()
    {
        await using var server = await RunningServer.Start(settings: ["--Wargame:TrustedProxies:0", "127.0.0.1", "--Wargame:GameCreationsPerMinute", "1"]);

        Assert.Equal(HttpStatusCode.Created, await Create(server, "10.1.1.1"));
        Assert.Equal(HttpStatusCode.TooManyRequests, await Create(server, "10.1.1.1"));
        Assert.Equal(HttpStatusCode.Created, await Create(server, "10.1.1.2"));
    }

    private static async Task<HttpStatusCode> Create(RunningServer server, string clientAddress)
    {
        using var request = new HttpRequestMessage(HttpMethod.Post, "/api/games") { Content = JsonContent.Create(new { scenario = "test-ceasefire" }) };
        request.Headers.Add("X-Forwarded-For", clientAddress);
        return (await server.Http.SendAsync(request)).StatusCode;
    }
}
