import type { MapView, Role } from "../../api/types";
import { ROLE_NAMES } from "../../api/types";
import { humanize, thousands } from "../../ui/format";

export type Lon = number;
export type Lat = number;
export type LonLat = [Lon, Lat];

/** The frame of the map: Ukraine with a margin of its neighbours (longitude, latitude). */
export const FRAME: { west: Lon; east: Lon; south: Lat; north: Lat } = { west: 21.5, east: 41.5, south: 44, north: 52.8 };

/** A box round the Crimean peninsula, west of the Kerch Strait: the part of Russia's shape drawn as Ukraine's. */
export const CRIMEA_BOX: LonLat[] = [
  [32.3, 44.2],
  [32.3, 46.3],
  [36.58, 46.3],
  [36.58, 44.2],
];

/** Where a guarantor's troops in the rear are drawn: near Kyiv (United States) and Zhytomyr (Europe). */
export const REAR: Partial<Record<Role, LonLat>> = { US: [30.6, 50.35], EU: [28.6, 50.3] };

export function points(line: readonly { lon: number; lat: number }[]): LonLat[] {
  return line.map((p) => [p.lon, p.lat]);
}

/**
 * The side Russia holds: the contact line, north to south, closed round the east and south of the frame. Drawn
 * clipped to Ukraine's outline, it shades the occupied territory (Crimea included) without needing the areas' shapes.
 */
export function heldByRussia(contact: LonLat[]): LonLat[] {
  if (contact.length < 2) return [];
  const first = contact[0];
  const last = contact[contact.length - 1];
  return [...contact, [last[0], FRAME.south], [FRAME.east, FRAME.south], [FRAME.east, FRAME.north], [first[0], FRAME.north]];
}

/** The ground between where the line was and where it is: the territory that changed hands in the last turn. */
export function changedGround(before: LonLat[], now: LonLat[]): LonLat[] {
  if (before.length < 2 || now.length < 2) return [];
  return [...before, ...[...now].reverse()];
}

/** A point partway along a line (0 its first point, 1 its last), by point count: where markers sit on the line. */
export function along(line: LonLat[], share: number): LonLat | null {
  if (line.length === 0) return null;
  const at = share * (line.length - 1);
  const i = Math.min(line.length - 2, Math.floor(at));
  if (i < 0) return line[0];
  const f = at - i;
  return [line[i][0] + (line[i + 1][0] - line[i][0]) * f, line[i][1] + (line[i + 1][1] - line[i][1]) * f];
}

/** Kilometres east–west at a latitude, in degrees of longitude: to size the demilitarised zone's band. */
export function kmToLonDegrees(km: number, lat: Lat): number {
  return km / (111.32 * Math.cos((lat * Math.PI) / 180));
}

export function monitoringName(map: MapView): string | null {
  if (map.monitoring === "None") return null;
  const who = map.monitorsFrom.length ? ` (${map.monitorsFrom.map((m) => ROLE_NAMES[m as Role] ?? m).join(", ")})` : "";
  return `${humanize(map.monitoring).toLowerCase()}${who}`;
}

export function deploymentText(d: MapView["deployments"][number]): string {
  return `${ROLE_NAMES[d.role]}: ${thousands(d.troops)} troops ${d.location === "ContactLine" ? "on the contact line" : "in the rear"}`;
}

function signedPoints(v: number): string {
  return `${v > 0 ? "+" : "−"}${Math.abs(v).toFixed(1)} points`;
}

/** What the map shows, in words: its accessible name, and the caption under it. */
export function describeMap(map: MapView): string {
  const parts = ["Map of Ukraine and its neighbours."];
  if (map.contactLine.length) {
    const where = map.beyondLines
      ? `on ${map.contactLineBetween}, the outermost of the scenario's lines`
      : map.contactLineBetween.startsWith("between ")
        ? map.contactLineBetween
        : `along ${map.contactLineBetween}`;
    parts.push(`The line of contact runs ${where}; Ukraine holds ${map.territory.toFixed(1)}% of its territory.`);
  } else parts.push(`Ukraine holds ${map.territory.toFixed(1)}% of its territory; this scenario draws no line of contact.`);
  if (map.changeTurn != null)
    parts.push(
      Math.abs(map.territoryChange) < 0.05
        ? `The line did not move in turn ${map.changeTurn}.`
        : `In turn ${map.changeTurn} Ukraine ${map.territoryChange > 0 ? "gained" : "lost"} ground (${signedPoints(map.territoryChange)}).`,
    );
  if (map.ceasefireId != null) {
    const zone = map.dmzWidthKm > 0 ? ` with a ${map.dmzWidthKm} km demilitarised zone` : " without a demilitarised zone";
    const monitors = monitoringName(map);
    parts.push(`A ceasefire is in force${zone}${monitors ? `, watched by ${monitors}` : ", without monitors"}.`);
    if (map.withdrawTo) parts.push(`Forces withdraw to ${map.withdrawTo}.`);
  }
  parts.push(
    map.deployments.length
      ? `Guarantor troops in Ukraine: ${map.deployments.map(deploymentText).join("; ")}.`
      : "No guarantor troops are deployed in Ukraine.",
  );
  return parts.join(" ");
}
