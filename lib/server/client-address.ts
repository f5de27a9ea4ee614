import "server-only";
import { getEnv } from "./env";
import { clientAddressFrom, parseTrustedProxies, type ProxyTrust } from "./proxy-trust";

export { SOCKET_ADDRESS_HEADER } from "./proxy-trust";

let trust: ProxyTrust | undefined;

/** The client's address for this request, under the process's `TRUSTED_PROXIES`. */
export function clientAddress(request: Request | Headers): string {
  trust ??= parseTrustedProxies(getEnv().TRUSTED_PROXIES);
  return clientAddressFrom(request instanceof Headers ? request : request.headers, trust);
}
