import { describe, expect, it } from "vitest";
import { createStorage, type Backing } from "./storage";

/** A Web Storage area held in memory. */
function memory(): Backing & { size: () => number } {
  const items = new Map<string, string>();
  return {
    getItem: (key) => items.get(key) ?? null,
    setItem: (key, value) => void items.set(key, value),
    removeItem: (key) => void items.delete(key),
    size: () => items.size,
  };
}

describe("drafts", () => {
  it("are kept per game and channel, and an emptied draft is removed", () => {
    const area = memory();
    const storage = createStorage(() => area);
    storage.saveDraft("g1", "UA-US", "Can you station a brigade?");
    storage.saveDraft("g1", "public", "Ukraine will not trade territory");
    expect(storage.draft("g1", "UA-US")).toBe("Can you station a brigade?");
    expect(storage.draft("g2", "UA-US")).toBe("");
    storage.saveDraft("g1", "UA-US", "");
    expect(storage.draft("g1", "UA-US")).toBe("");
    expect(area.size()).toBe(1);
  });
});

describe("recent games", () => {
  it("lists the newest first, once per page, and keeps eight", () => {
    let now = 0;
    const area = memory();
    const kept = createStorage(
      () => area,
      () => ++now,
    );
    for (let i = 1; i <= 9; i++) kept.remember({ gameId: `g${i}`, title: `Game ${i}`, as: "Facilitator", href: `#/facilitate/g${i}` });
    kept.remember({ gameId: "g5", title: "Game 5", as: "Facilitator", href: "#/facilitate/g5" });
    expect(kept.recent().map((g) => g.gameId)).toEqual(["g5", "g9", "g8", "g7", "g6", "g4", "g3", "g2"]);
    expect(kept.recent().map((g) => g.at)).toEqual([10, 9, 8, 7, 6, 4, 3, 2]);
  });

  it("reads a damaged entry as nothing rather than failing the page", () => {
    const area = memory();
    area.setItem("wargame.recent", "{not json");
    area.setItem("wargame.seat.g1", "[");
    const storage = createStorage(() => area);
    expect(storage.recent()).toEqual([]);
    expect(storage.seat("g1")).toBeNull();
  });
});
