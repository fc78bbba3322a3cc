namespace Wargame.Server.Tests.Support;

/// <summary>Server settings that lift the hub's rate limits for tests that flood on purpose but test something else.</summary>
internal static class RateLimitSettings
{
    /// <summary>The facilitator's seat and every audience's shared budget; players' own seats keep their limits.</summary>
    public static readonly string[] FacilitatorAndAudiencesLifted =
    [
        "--Wargame:FacilitatorCallBurst", "100000", "--Wargame:FacilitatorMessageBurst", "100000",
        "--Wargame:AudienceCallBurst", "100000", "--Wargame:AudienceMessageBurst", "100000",
    ];

    /// <summary>Every limit a seat, an audience or a connection has, bursts and rates.</summary>
    public static readonly string[] AllLifted =
    [
        "--Wargame:CommandBurst", "100000", "--Wargame:CommandsPerSeatPerMinute", "1000000",
        "--Wargame:MessageBurst", "100000", "--Wargame:MessagesPerSeatPerMinute", "1000000",
        "--Wargame:FacilitatorCallBurst", "100000", "--Wargame:FacilitatorCallsPerMinute", "1000000",
        "--Wargame:FacilitatorMessageBurst", "100000", "--Wargame:FacilitatorMessagesPerMinute", "1000000",
        "--Wargame:AudienceCallBurst", "100000", "--Wargame:AudienceCallsPerMinute", "1000000",
        "--Wargame:AudienceMessageBurst", "100000", "--Wargame:AudienceMessagesPerMinute", "1000000",
        "--Wargame:RefusedCallsPerConnectionPerMinute", "1000000", "--Wargame:HubConnectionsPerAddressPerMinute", "1000000",
    ];
}
