import { describe, expect, it } from "vitest";
import type { MapView } from "../../api/types";
import { along, changedGround, describeMap, heldByRussia, kmToLonDegrees } from "./mapModel";

const base: MapView = {
  lines: [],
  contactLine: [
    { lon: 38, lat: 50 },
    { lon: 36, lat: 47 },
  ],
  contactLineBetween: "between North line and South line",
  beyondLines: false,
  territory: 79.25,
  changeTurn: 2,
  territoryChange: -0.75,
  previousContactLine: [
    { lon: 38.5, lat: 50 },
    { lon: 36.5, lat: 47 },
  ],
  ceasefireId: 1,
  dmzWidthKm: 15,
  monitoring: "ArmedPeacekeepers",
  monitorsFrom: ["EU", "OSCE"],
  withdrawTo: null,
  deployments: [
    { role: "EU", troops: 20000, location: "ContactLine" },
    { role: "US", troops: 5000, location: "Rear" },
  ],
};

describe("the map in words", () => {
  it("says where the line runs, how it moved, the ceasefire and every deployment", () => {
    expect(describeMap(base)).toBe(
      "Map of Ukraine and its neighbours. The line of contact runs between North line and South line; Ukraine holds 79.3% of its territory. " +
        "In turn 2 Ukraine lost ground (−0.8 points). A ceasefire is in force with a 15 km demilitarised zone, watched by armed peacekeepers (Europe, OSCE). " +
        "Guarantor troops in Ukraine: Europe: 20,000 troops on the contact line; United States: 5,000 troops in the rear.",
    );
  });

  it("says when nothing moved and nobody is deployed", () => {
    const quiet = describeMap({ ...base, territoryChange: 0, ceasefireId: null, deployments: [] });
    expect(quiet).toContain("The line did not move in turn 2.");
    expect(quiet).toContain("No guarantor troops are deployed in Ukraine.");
    expect(quiet).not.toContain("Ceasefire");
  });
});

describe("map shapes", () => {
  it("closes Russia's side round the east and south of the frame", () => {
    expect(
      heldByRussia([
        [38, 50],
        [36, 47],
      ]),
    ).toEqual([
      [38, 50],
      [36, 47],
      [36, 44],
      [41.5, 44],
      [41.5, 52.8],
      [38, 52.8],
    ]);
  });

  it("outlines the ground that changed hands between the two lines", () => {
    expect(
      changedGround(
        [
          [1, 2],
          [3, 4],
        ],
        [
          [5, 6],
          [7, 8],
        ],
      ),
    ).toEqual([
      [1, 2],
      [3, 4],
      [7, 8],
      [5, 6],
    ]);
  });

  it("places markers partway along the line", () => {
    expect(
      along(
        [
          [0, 0],
          [10, 10],
          [20, 0],
        ],
        0.25,
      ),
    ).toEqual([5, 5]);
    expect(
      along(
        [
          [0, 0],
          [10, 10],
        ],
        1,
      ),
    ).toEqual([10, 10]);
  });

  it("sizes a zone in degrees of longitude at its latitude", () => {
    expect(kmToLonDegrees(111.32, 60)).toBeCloseTo(2, 6);
  });
});
