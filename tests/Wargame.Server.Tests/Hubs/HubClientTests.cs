using System.Reflection;
using Wargame.Server.Hubs;
using Wargame.Server.Tests.Support;

namespace Wargame.Server.Tests.Hubs;

/// <summary>The tests call the hub through typed methods of <see cref="GameClient"/>, one per hub method.</summary>
public sealed class HubClientTests
{
    [Fact]
    public void TheTestClient_HasATypedCallForEveryHubMethod_WithTheHubsParameters()
    {
        static string Signature(MethodInfo m) =>
            $"{m.Name}({string.Join(", ", m.GetParameters().Select(p => p.ParameterType.Name))})";

        var hub = typeof(GameHub).GetMethods(BindingFlags.Public | BindingFlags.Instance | BindingFlags.DeclaredOnly)
            .Where(m => !m.IsSpecialName && m.Name != nameof(GameHub.OnDisconnectedAsync))
            .Select(Signature)
            .ToHashSet();
        var client = typeof(GameClient).GetMethods(BindingFlags.Public | BindingFlags.Instance | BindingFlags.DeclaredOnly)
            .Select(Signature)
            .ToHashSet();

        Assert.Empty(hub.Except(client).Order(StringComparer.Ordinal));
    }
}
