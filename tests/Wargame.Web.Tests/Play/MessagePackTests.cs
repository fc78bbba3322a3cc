using System.Collections.Concurrent;
using System.Text;
using Microsoft.Playwright;
using Wargame.Web.Tests.Support;
using static Microsoft.Playwright.Assertions;
using static Wargame.Web.Tests.Support.Pages;

namespace Wargame.Web.Tests.Play;

/// <summary>The browser client over the hub's second protocol: pages opened with ?protocol=msgpack play over binary frames.</summary>
[Collection(BrowserCollection.Name)]
public sealed class MessagePackTests(BrowserFixture browser) : BrowserTest(browser)
{
    [Fact]
    public Task PagesOpenedWithMessagePack_JoinAndPlay_OverBinaryFramesCarryingDeltas() => Story(async () =>
    {
        // The query picks the tab's protocol; the tab keeps it when the page moves on to / to create or join.
        var facilitator = await NewPage();
        var facilitatorFrames = HubFrames.Watch(facilitator);
        await facilitator.GotoAsync(Address + "/?protocol=msgpack");
        var codes = await CreateGame(facilitator, Address);

        var ukraine = await NewPage();
        var ukraineFrames = HubFrames.Watch(ukraine);
        await ukraine.GotoAsync(Address + "/?protocol=msgpack");
        await Join(ukraine, Address, codes.UA, "Ukraine team");
        var russia = await NewPage();
        var russiaFrames = HubFrames.Watch(russia);
        await russia.GotoAsync(Address + "/?protocol=msgpack");
        await Join(russia, Address, codes.RU, "Russia team");
        await Expect(russia.GetByTestId("private-RU")).ToContainTextAsync(Secrets["RU"]);

        await Advance(facilitator, "Negotiation");
        await ExpectPhase(ukraine, "Negotiation");
        await ExpectPhase(russia, "Negotiation");

        await Tab(ukraine, "Channels");
        await ukraine.GetByLabel("Public statement").FillAsync("Kyiv will talk at any table with guarantees.");
        await ukraine.GetByRole(AriaRole.Button, new() { Name = "Send" }).ClickAsync();
        await Tab(russia, "Channels");
        await Expect(russia.GetByRole(AriaRole.List, new() { Name = "Messages in Public" })).ToContainTextAsync("any table with guarantees");

        await Advance(facilitator, "Orders");
        await ExpectPhase(ukraine, "Orders");
        await ExpectPhase(russia, "Orders");

        foreach (var (who, frames) in new[] { ("facilitator", facilitatorFrames), ("Ukraine", ukraineFrames), ("Russia", russiaFrames) })
        {
            // Every hub connection the page opened (a navigation may open a second) asked for MessagePack in its
            // handshake, and the server accepted it ({} is no error).
            Assert.True(frames.Connections >= 1, $"{who} opened no hub connection");
            var handshakes = frames.Sent.Where(f => f.Text?.Contains("\"protocol\":", StringComparison.Ordinal) == true).ToList();
            Assert.Equal(frames.Connections, handshakes.Count);
            Assert.All(handshakes, h => Assert.StartsWith("{\"protocol\":\"messagepack\",", h.Text, StringComparison.Ordinal));
            var accepted = frames.Received.Where(f => f.Text == "{}\u001e").ToList();
            Assert.Equal(frames.Connections, accepted.Count);
            // Every other frame, both ways, is MessagePack hub messages, not JSON ones.
            Assert.All(frames.Sent.Except(handshakes), f => Assert.True(HubFrames.IsMessagePack(f.Binary), $"{who} sent {f.Text}"));
            Assert.All(frames.Received.Except(accepted), f => Assert.True(HubFrames.IsMessagePack(f.Binary), $"{who} received {f.Text}"));
            // The whole view came on joining, and the changes after it as Updates (deltas) in MessagePack.
            Assert.InRange(frames.ReceivedInvocations("View"), 1, frames.Connections);
            Assert.True(frames.ReceivedInvocations("Update") >= 3, $"{who} received {frames.ReceivedInvocations("Update")} Update frames");
        }
    });

    /// <summary>The frames of a page's hub WebSocket (/hubs/game), as chromium reports them to Playwright (which gives every frame as bytes and as text).</summary>
    private sealed class HubFrames
    {
        private int _connections;

        public ConcurrentQueue<IWebSocketFrame> Sent { get; } = new();
        public ConcurrentQueue<IWebSocketFrame> Received { get; } = new();
        public int Connections => _connections;

        public static HubFrames Watch(IPage page)
        {
            var frames = new HubFrames();
            page.WebSocket += (_, socket) =>
            {
                if (!socket.Url.Contains("/hubs/game", StringComparison.Ordinal))
                    return;
                Interlocked.Increment(ref frames._connections);
                socket.FrameSent += (_, frame) => frames.Sent.Enqueue(frame);
                socket.FrameReceived += (_, frame) => frames.Received.Enqueue(frame);
            };
            return frames;
        }

        /// <summary>Binary frames invoking <paramref name="target"/> on the client: MessagePack writes the target as a str (0xa0 | length, then its UTF-8).</summary>
        public int ReceivedInvocations(string target)
        {
            var name = Encoding.UTF8.GetBytes(target);
            byte[] encoded = [(byte)(0xa0 | name.Length), .. name];
            return Received.Count(f => f.Binary is { } bytes && bytes.AsSpan().IndexOf(encoded) >= 0);
        }

        /// <summary>
        /// Whether a frame holds only MessagePack hub messages: each is a varint length and then that many bytes, a
        /// MessagePack array (a JSON hub message is text ending in 0x1e, whose first byte cannot frame it so).
        /// </summary>
        public static bool IsMessagePack(byte[]? frame)
        {
            if (frame is not { Length: > 0 })
                return false;
            var at = 0;
            while (at < frame.Length)
            {
                int length = 0, shift = 0;
                byte next;
                do
                {
                    if (at >= frame.Length || shift > 28)
                        return false;
                    next = frame[at++];
                    length |= (next & 0x7f) << shift;
                    shift += 7;
                }
                while ((next & 0x80) != 0);
                if (length == 0 || at + length > frame.Length || frame[at] is not ((>= 0x90 and <= 0x9f) or 0xdc or 0xdd))
                    return false;
                at += length;
            }
            return true;
        }
    }
}
