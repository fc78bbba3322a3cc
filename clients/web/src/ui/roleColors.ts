import type { Role } from "../api/types";

/** One colour per role on every screen: the map's markers, the charts' per-role series, the timeline. */
export const ROLE_COLORS: Record<Role, string> = {
  UA: "#1f5fbf",
  RU: "#b3261e",
  US: "#6a3d9a",
  EU: "#a15c00",
};
