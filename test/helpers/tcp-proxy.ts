/** A TCP proxy in front of the PostgreSQL server, to cut the app's links and refuse or hang new ones. */
import { once } from "node:events";
import { connect, createServer, type Server, type Socket } from "node:net";

export type ProxyMode = "forward" | "refuse" | "hang";

export interface TcpProxy {
  readonly port: number;
  /** A connection URL through the proxy for the database `name` of `url`. */
  urlFor(url: string): string;
  /** Destroys every open link at once, as a restart or failover of the server would. */
  cutAll(): void;
  /**
   * forward: pass new connections on; refuse: reset them at once (the server is down); hang:
   * accept them and never answer (a server or network that does not respond).
   */
  setMode(mode: ProxyMode): void;
  /** Cuts every link once `bytes` more bytes have gone from the app to the server. */
  cutAfterBytes(bytes: number): Promise<void>;
  /** Links open now. */
  readonly open: number;
  /** How many links were cut (cutAll, cutAfterBytes) or refused so far. */
  readonly faults: number;
  /** Bytes passed on from the app to the server so far. */
  readonly sentBytes: number;
  close(): Promise<void>;
}

export async function startTcpProxy(target: { host: string; port: number }): Promise<TcpProxy> {
  const links = new Set<{ client: Socket; server: Socket | null }>();
  let mode: ProxyMode = "forward";
  let faults = 0;
  let sentBytes = 0;
  let budget: { left: number; done: () => void } | null = null;

  const cutAll = () => {
    for (const link of links) {
      link.client.destroy();
      link.server?.destroy();
      faults += 1;
    }
    links.clear();
  };

  const proxy: Server = createServer((client) => {
    client.on("error", () => {});
    if (mode === "refuse") {
      faults += 1;
      client.resetAndDestroy();
      return;
    }
    const link: { client: Socket; server: Socket | null } = { client, server: null };
    links.add(link);
    client.once("close", () => {
      links.delete(link);
      link.server?.destroy();
    });
    if (mode === "hang") return;
    const server = connect(target.port, target.host);
    link.server = server;
    server.on("error", () => client.destroy());
    server.once("close", () => client.destroy());
    server.pipe(client);
    client.on("data", (chunk: Buffer) => {
      if (budget) {
        budget.left -= chunk.length;
        if (budget.left <= 0) {
          const { done } = budget;
          budget = null;
          cutAll();
          done();
          return;
        }
      }
      sentBytes += chunk.length;
      server.write(chunk);
    });
    client.once("end", () => server.end());
  });
  proxy.listen(0, "127.0.0.1");
  await once(proxy, "listening");
  const address = proxy.address();
  if (address === null || typeof address === "string") throw new Error("the proxy has no port");

  return {
    port: address.port,
    urlFor(url: string) {
      const parsed = new URL(url);
      parsed.hostname = "127.0.0.1";
      parsed.port = String(address.port);
      return parsed.toString();
    },
    cutAll,
    setMode(next: ProxyMode) {
      mode = next;
    },
    cutAfterBytes(bytes: number) {
      return new Promise<void>((resolve) => {
        budget = { left: bytes, done: resolve };
      });
    },
    get open() {
      return links.size;
    },
    get faults() {
      return faults;
    },
    get sentBytes() {
      return sentBytes;
    },
    async close() {
      budget = null;
      cutAll();
      await new Promise<void>((resolve) => proxy.close(() => resolve()));
    },
  };
}
