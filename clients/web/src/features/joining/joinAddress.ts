import type { JoinAddresses } from "../../api/types";

export interface JoinAddress {
  /** The address students open, without a trailing slash. */
  url: string;
  /** Other addresses of this machine students might need (a second network card). */
  others: string[];
  /** The server listens on this computer only: students elsewhere cannot reach it yet. */
  loopbackOnly: boolean;
}

const LOOPBACK = /^(localhost|127(\.\d+){3}|\[::1\])$/;

/**
 * The address to show students: the page's own origin when the facilitator reached the server over the network
 * (it works for them too), else the server's network address; the page's origin with a warning when there is none.
 */
export function joinAddressOf(origin: string, server: JoinAddresses | null): JoinAddress {
  const host = new URL(origin).hostname;
  const local = LOOPBACK.test(host);
  const urls = server?.urls ?? [];
  if (!local) return { url: origin, others: urls.filter((u) => u !== origin), loopbackOnly: false };
  if (urls.length > 0) return { url: urls[0], others: urls.slice(1), loopbackOnly: false };
  return { url: origin, others: [], loopbackOnly: server?.loopbackOnly ?? false };
}

/** The link a QR code carries: the landing page with the code filled in. */
export function joinLink(address: string, code: string) {
  return `${address}/#/join/${encodeURIComponent(code)}`;
}
