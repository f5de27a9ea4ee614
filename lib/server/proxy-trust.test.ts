import { describe, expect, it } from "vitest";
import { clientAddressFrom, normaliseAddress, parseTrustedProxies, SOCKET_ADDRESS_HEADER } from "./proxy-trust";

function headers(peer: string | null, xff?: string): Headers {
  const h = new Headers();
  if (peer) h.set(SOCKET_ADDRESS_HEADER, peer);
  if (xff !== undefined) h.set("x-forwarded-for", xff);
  return h;
}

describe("clientAddressFrom", () => {
  it.each([
    // [TRUSTED_PROXIES, peer, X-Forwarded-For, expected]
    [undefined, "203.0.113.9", "1.2.3.4", "203.0.113.9"], // no trust: a forged header is ignored
    ["", "::ffff:127.0.0.1", "9.9.9.9, 8.8.8.8", "127.0.0.1"],
    ["0", "198.51.100.1", "9.9.9.9", "198.51.100.1"],
    ["1", "10.0.0.2", "9.9.9.9, 198.51.100.7", "198.51.100.7"], // one proxy: the address it appended
    ["2", "10.0.0.2", "9.9.9.9, 198.51.100.7, 10.0.0.1", "198.51.100.7"],
    ["3", "10.0.0.2", "198.51.100.7", "198.51.100.7"], // shorter chain: left-most
    ["10.0.0.0/8", "10.0.0.2", "9.9.9.9, 198.51.100.7, 10.1.2.3", "198.51.100.7"],
    ["10.0.0.0/8, ::1", "::1", "198.51.100.7", "198.51.100.7"],
    ["10.0.0.0/8", "203.0.113.5", "9.9.9.9", "203.0.113.5"], // peer not a proxy: header ignored
    ["10.0.0.0/8", "10.0.0.2", "10.0.0.9", "10.0.0.9"], // all trusted: left-most
    ["10.0.0.0/8", "10.0.0.2", "not-an-ip, 10.0.0.3", "10.0.0.3"],
  ])("TRUSTED_PROXIES=%s peer %s xff %s → %s", (trust, peer, xff, expected) => {
    expect(clientAddressFrom(headers(peer, xff), parseTrustedProxies(trust))).toBe(expected);
  });

  it("answers 'unknown' without a socket address, whatever the forwarded header says", () => {
    expect(clientAddressFrom(headers(null, "1.2.3.4"), parseTrustedProxies("1"))).toBe("unknown");
  });

  it("refuses a malformed TRUSTED_PROXIES", () => {
    expect(() => parseTrustedProxies("proxy.example")).toThrow(/TRUSTED_PROXIES/);
    expect(() => parseTrustedProxies("10.0.0.0/99")).toThrow(/prefix/);
  });

  it("normalises mapped and bracketed addresses", () => {
    expect(normaliseAddress("::ffff:192.0.2.1")).toBe("192.0.2.1");
    expect(normaliseAddress("[2001:DB8::1]")).toBe("2001:db8::1");
    expect(normaliseAddress("example.com")).toBeNull();
  });
});
