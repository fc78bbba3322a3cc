import { geoBounds } from "d3-geo";
import type { Feature, Geometry } from "geojson";
import { feature } from "topojson-client";
import type { GeometryCollection, Topology } from "topojson-specification";

/** Natural Earth 1:50m countries (world-atlas) named on the map, by ISO 3166 numeric code: Ukraine and its neighbours. */
export const COUNTRIES: Record<string, string> = {
  "804": "Ukraine",
  "643": "Russia",
  "112": "Belarus",
  "616": "Poland",
  "703": "Slovakia",
  "348": "Hungary",
  "642": "Romania",
  "498": "Moldova",
  "100": "Bulgaria",
  "440": "Lithuania",
  "268": "Georgia",
  "792": "Turkey",
};
export const UKRAINE = "804";
/**
 * Every other country that reaches into this box is drawn too, unlabelled, so no corner of the frame is left blank
 * (Czechia, Austria, the Balkans, the Baltics, the Caucasus, Kazakhstan...), at any width.
 */
export const SURROUNDINGS = { west: 0, east: 65, south: 30, north: 70 };
export const RUSSIA = "643";

export interface Country {
  id: string;
  name: string;
  shape: Feature<Geometry>;
}

let loading: Promise<Country[]> | null = null;

/** The countries of the map, loaded once from the bundled TopoJSON (a separate chunk: no tiles, no network beyond this server). */
export function loadCountries(): Promise<Country[]> {
  loading ??= import("world-atlas/countries-50m.json").then((module) => {
    const topology = module.default as unknown as Topology<{ countries: GeometryCollection<{ name: string }> }>;
    const all = feature(topology, topology.objects.countries);
    return all.features
      .filter((f) => (f.id != null && String(f.id) in COUNTRIES) || nearby(f))
      .map((f) => {
        const id = f.id != null ? String(f.id) : (f.properties?.name ?? "");
        return { id, name: COUNTRIES[id] ?? f.properties?.name ?? "", shape: f };
      });
  });
  return loading;
}

/** Whether a country's bounding box meets the surroundings (one spanning the antimeridian, west > east, never does here). */
function nearby(f: Feature<Geometry>): boolean {
  const [[west, south], [east, north]] = geoBounds(f);
  const box = SURROUNDINGS;
  return west <= east && west <= box.east && east >= box.west && south <= box.north && north >= box.south;
}
