/**
 * The URL a client on this machine uses for a server listening on `host`: a wildcard address
 * (0.0.0.0, ::) is not something to connect to, so it becomes the loopback address.
 */
export function clientUrl(host: string, port: number): string {
  const reachable = ['', '0.0.0.0', '::', '[::]'].includes(host) ? '127.0.0.1' : host;
  const bracketed = reachable.includes(':') && !reachable.startsWith('[') ? `[${reachable}]` : reachable;
  return `http://${bracketed}:${port}`;
}
