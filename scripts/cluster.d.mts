// Types for scripts/cluster.mjs (plain JS so `node scripts/cluster.mjs` runs it as it is).
export interface ClusterInstance {
  name: string;
  port: number;
  url: string;
  log: string;
  start(): unknown;
  /** Sends a signal; true once the process has exited, false after `timeoutMs`. */
  signal(sig: NodeJS.Signals, timeoutMs?: number): Promise<boolean>;
  stop(): Promise<void>;
}
export interface Cluster {
  url: string;
  dir: string;
  instances: ClusterInstance[];
  primaryUrl: string;
  replicaUrl: string;
  stopReplica(): void;
  startReplica(): void;
  stop(): Promise<void>;
}
export function findPgBin(): string | null;
export function findHaproxy(): string | null;
export function missingPrerequisites(): string[];
export function startCluster(options?: {
  port?: number;
  pgPort?: number;
  env?: Record<string, string>;
  say?: (line: string) => void;
}): Promise<Cluster>;
