import { describe, expect, it } from "vitest";
import { aMessage } from "../../testing/fixtures";
import { buildChannels, channelKey, PUBLIC } from "./channels";

describe("channels", () => {
  it("gives a role the public channel and one with each other role before anyone writes", () => {
    const channels = buildChannels([], "US", [], {});
    expect(channels.map((c) => c.key)).toEqual([PUBLIC, "UA-US", "RU-US", "US-EU"]);
    expect(channels.map((c) => c.label)).toEqual(["Public", "Ukraine", "Russia", "Europe"]);
  });

  it("files each message under its members in table order, opening a group channel when one is used", () => {
    const messages = [aMessage(1, "RU", []), aMessage(2, "EU", ["UA", "US"]), aMessage(3, "UA", ["US"])];
    const channels = buildChannels(messages, "US", [], {});
    const group = channels.find((c) => c.key === "UA-US-EU");
    expect(group?.messages.map((m) => m.id)).toEqual([2]);
    expect(group?.members).toEqual(["UA", "EU"]);
    expect(channels.find((c) => c.key === PUBLIC)?.messages.map((m) => m.id)).toEqual([1]);
  });

  it("counts as unread what came after the last message read, never the viewer's own", () => {
    const messages = [aMessage(1, "UA", ["US"]), aMessage(2, "US", ["UA"]), aMessage(3, "UA", ["US"]), aMessage(4, "RU", [])];
    const channels = buildChannels(messages, "US", [], { "UA-US": 1 });
    expect(channels.find((c) => c.key === "UA-US")?.unread).toBe(1);
    expect(channels.find((c) => c.key === PUBLIC)?.unread).toBe(1);
  });

  it("shows the facilitator only the channels in use, with every message unread until read", () => {
    const channels = buildChannels([aMessage(1, "UA", ["RU"]), aMessage(2, null, [])], null, [], {});
    expect(channels.map((c) => [c.key, c.unread])).toEqual([
      [PUBLIC, 1],
      ["UA-RU", 1],
    ]);
  });

  it("keeps a group channel the viewer opened, before any message", () => {
    expect(buildChannels([], "UA", ["UA-US-EU"], {}).map((c) => c.key)).toContain("UA-US-EU");
    expect(channelKey(["EU", "UA", "US", "UA"])).toBe("UA-US-EU");
  });
});
