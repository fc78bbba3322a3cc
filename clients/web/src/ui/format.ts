import type { Role, TripwireLocation } from "../api/types";
import { ROLE_NAMES } from "../api/types";

// How numbers and names read on every screen.

/** "LimitedOffensive" → "Limited offensive". */
export function humanize(value: string): string {
  return value
    .replace(/([a-z])([A-Z])/g, "$1 $2")
    .replace(/^./, (c) => c.toUpperCase())
    .replace(/ ([A-Z])(?=[a-z])/g, (_, c: string) => " " + c.toLowerCase());
}

/** Whole numbers as they are, others to three decimals. */
export function number(v: number): string {
  return Number.isInteger(v) ? String(v) : v.toFixed(3);
}

/** Basis points (of 10000) as a percentage: 2500 → "25.0%". */
export function basisPoints(v: number): string {
  return `${(v / 100).toFixed(1)}%`;
}

/** A share (0 to 1) as a whole percentage. */
export function percent(v: number): string {
  return `${(v * 100).toFixed(0)}%`;
}

/** "+0.25" or "-0.5": a signed change. */
export function signed(v: number, format: (v: number) => string = String): string {
  return `${v > 0 ? "+" : ""}${format(v)}`;
}

export function thousands(v: number): string {
  return v.toLocaleString("en");
}

/** Seconds as m:ss, or h:mm:ss from an hour; negative counts as zero. */
export function formatSeconds(total: number): string {
  const s = Math.max(0, Math.floor(total));
  const m = Math.floor(s / 60);
  const h = Math.floor(m / 60);
  const pad = (n: number) => String(n).padStart(2, "0");
  return h > 0 ? `${h}:${pad(m % 60)}:${pad(s % 60)}` : `${m}:${pad(s % 60)}`;
}

export function locationName(location: TripwireLocation): string {
  return location === "Rear" ? "rear" : "contact line";
}

export function roleList(roles: readonly Role[], separator = ", "): string {
  return roles.map((r) => ROLE_NAMES[r]).join(separator);
}

/** The CSS class of a rules-table tag such as "[LIT]" or "[DESIGN]". */
export function tagClass(tag: string): string {
  return `tag tag-${tag.toLowerCase().replace(/[^a-z]/g, "")}`;
}
