using Wargame.Server.Api;

namespace Wargame.Server.Tests.Api;

/// <summary>The address the lobby shows students: the machine's network address, never loopback.</summary>
public sealed class JoinAddressTests
{
    [Fact]
    public void AServerOnLoopbackOnly_OffersNoAddressForOtherMachines_AndSaysSo()
    {
        var addresses = JoinAddressApi.Of(["http://127.0.0.1:5000", "http://localhost:5001", "http://[::1]:5002"]);

        Assert.Equal((0, true), (addresses.Urls.Length, addresses.LoopbackOnly));
    }

    [Fact]
    public void AServerOnANamedAddress_OffersThatAddress()
    {
        var addresses = JoinAddressApi.Of(["http://127.0.0.1:5000", "http://192.0.2.10:5000"]);

        Assert.Equal("http://192.0.2.10:5000", Assert.Single(addresses.Urls));
        Assert.False(addresses.LoopbackOnly);
    }

    [Fact]
    public void AServerOnEveryInterface_OffersEachNetworkAddressOnItsPort_NeverLoopback()
    {
        var addresses = JoinAddressApi.Of(["http://0.0.0.0:5000", "http://+:5000"]);

        Assert.All(addresses.Urls, url =>
        {
            var uri = new Uri(url);
            Assert.Equal(5000, uri.Port);
            Assert.False(uri.IsLoopback, url);
        });
        Assert.Equal(addresses.Urls.Distinct(), addresses.Urls);
        Assert.Equal(addresses.Urls.IsEmpty, addresses.LoopbackOnly);
    }
}
