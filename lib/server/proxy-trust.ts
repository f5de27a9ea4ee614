import { BlockList, isIP } from "node:net";

/**
 * The one way the app reads a client's address (rate limits, sign-in throttling, audit, logs).
 *
 * The server in front of Next (`scripts/server.mjs`) writes the TCP peer's address into
 * SOCKET_ADDRESS_HEADER on every request, replacing whatever a client sent under that name. Next
 * itself keeps an incoming `X-Forwarded-For` as it is, so that header alone proves nothing.
 *
 * `TRUSTED_PROXIES` decides whether `X-Forwarded-For` is read at all:
 *   unset          → it is ignored; the client is the socket peer;
 *   a count N      → the N right-most hops (the peer included) are our proxies; the client is the
 *                    address just left of them;
 *   a CIDR list    → walking from the peer leftwards, every address inside the list is a proxy; the
 *                    client is the first one outside it.
 * A chain shorter than the trust leaves the left-most address. Unparseable entries end the walk.
 */
export const SOCKET_ADDRESS_HEADER = "x-market-socket-address";

export type ProxyTrust = { kind: "none" } | { kind: "count"; hops: number } | { kind: "cidrs"; list: BlockList };

export function parseTrustedProxies(value: string | undefined): ProxyTrust {
  const text = (value ?? "").trim();
  if (!text) return { kind: "none" };
  if (/^\d+$/.test(text)) {
    const hops = Number(text);
    return hops === 0 ? { kind: "none" } : { kind: "count", hops: Math.min(hops, 32) };
  }
  const list = new BlockList();
  for (const raw of text.split(",")) {
    const entry = raw.trim();
    if (!entry) continue;
    const [address, bits] = entry.split("/");
    const family = isIP(address);
    if (!family) throw new Error(`TRUSTED_PROXIES: "${entry}" is neither a count nor an address or CIDR`);
    const type = family === 4 ? "ipv4" : "ipv6";
    if (bits === undefined) list.addAddress(address, type);
    else {
      const prefix = Number(bits);
      if (!/^\d+$/.test(bits) || prefix > (family === 4 ? 32 : 128))
        throw new Error(`TRUSTED_PROXIES: "${entry}" has an invalid prefix length`);
      list.addSubnet(address, prefix, type);
    }
  }
  return { kind: "cidrs", list };
}

/** `::ffff:1.2.3.4` → `1.2.3.4`; brackets and zone ids dropped; null when not an address. */
export function normaliseAddress(raw: string | null | undefined): string | null {
  if (!raw) return null;
  let a = raw.trim();
  if (a.startsWith("[") && a.includes("]")) a = a.slice(1, a.indexOf("]"));
  a = a.replace(/%.*$/, "");
  const mapped = /^::ffff:(\d+\.\d+\.\d+\.\d+)$/i.exec(a);
  if (mapped) a = mapped[1];
  return isIP(a) ? a.toLowerCase() : null;
}

function trusted(list: BlockList, address: string): boolean {
  return list.check(address, isIP(address) === 4 ? "ipv4" : "ipv6");
}

/** The client's address as the rules above read it, or "unknown" when no peer is known. */
export function clientAddressFrom(headers: Headers, trust: ProxyTrust): string {
  const peer = normaliseAddress(headers.get(SOCKET_ADDRESS_HEADER));
  if (!peer) return "unknown";
  if (trust.kind === "none") return peer;
  const forwarded = (headers.get("x-forwarded-for") ?? "")
    .split(",")
    .map((s) => s.trim())
    .filter(Boolean)
    .slice(-64);
  const chain = [...forwarded, peer];
  if (trust.kind === "count") {
    const at = Math.max(0, chain.length - 1 - trust.hops);
    return normaliseAddress(chain[at]) ?? peer;
  }
  for (let i = chain.length - 1; i >= 0; i--) {
    const address = normaliseAddress(chain[i]);
    if (!address) return normaliseAddress(chain[i + 1]) ?? peer;
    if (!trusted(trust.list, address)) return address;
  }
  return normaliseAddress(chain[0]) ?? peer;
}
