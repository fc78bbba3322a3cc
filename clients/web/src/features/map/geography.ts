import type { Feature, Geometry } from "geojson";
import { feature } from "topojson-client";
import type { GeometryCollection, Topology } from "topojson-specification";

/** Natural Earth 1:50m countries (world-atlas), by ISO 3166 numeric code: Ukraine and the countries around it. */
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
      .filter((f) => f.id != null && String(f.id) in COUNTRIES)
      .map((f) => ({ id: String(f.id), name: COUNTRIES[String(f.id)], shape: f }));
  });
  return loading;
}
