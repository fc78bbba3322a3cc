import { useEffect, useState } from "react";

// Hash routes, so any static host (and the server's plain static files) serves every screen.
export type Route =
  | { name: "landing"; code?: string }
  | { name: "game"; gameId: string }
  | { name: "facilitate"; gameId: string }
  | { name: "replay"; gameId: string | null };

export function parseRoute(hash: string): Route {
  const parts = hash.replace(/^#\/?/, "").split("/").filter(Boolean).map(decodeURIComponent);
  if (parts[0] === "game" && parts[1]) return { name: "game", gameId: parts[1] };
  if (parts[0] === "facilitate" && parts[1]) return { name: "facilitate", gameId: parts[1] };
  if (parts[0] === "replay") return { name: "replay", gameId: parts[1] ?? null };
  // A join code's QR code opens the landing page with the code filled in.
  if (parts[0] === "join" && parts[1]) return { name: "landing", code: parts[1] };
  return { name: "landing" };
}

export function navigate(path: string) {
  window.location.hash = path.startsWith("#") ? path : `#${path}`;
}

export function useRoute(): Route {
  const [route, setRoute] = useState(() => parseRoute(window.location.hash));
  useEffect(() => {
    const on = () => setRoute(parseRoute(window.location.hash));
    window.addEventListener("hashchange", on);
    return () => window.removeEventListener("hashchange", on);
  }, []);
  return route;
}
