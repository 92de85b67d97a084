/**
 * Two Thanrak nodes on one throwaway PostgreSQL database behind Debian nginx, all on loopback, for the
 * cluster test. Every process it starts is recorded in `<dir>/pids/*.pid` (scripts/test-cluster.sh kills
 * what is left there if this process dies) and stopped by `stop()`, also when a step fails half-way.
 */
import { type ChildProcess, execFileSync, spawn } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import {
  chownSync,
  existsSync,
  mkdirSync,
  mkdtempSync,
  openSync,
  readdirSync,
  readFileSync,
  rmSync,
  writeFileSync,
} from 'node:fs';
import http from 'node:http';
import net from 'node:net';
import os from 'node:os';
import path from 'node:path';
import pg from 'pg';

export const ROOT = path.resolve(import.meta.dirname, '..');
const isRoot = process.getuid?.() === 0;

export interface Answer {
  status: number;
  headers: http.IncomingHttpHeaders;
  body: any;
}

/** One HTTP request with a keep-alive agent; status 0 when the connection failed (no answer at all). */
export function request(
  agent: http.Agent,
  port: number,
  method: string,
  url: string,
  options: { cookie?: string; body?: unknown; timeoutMs?: number } = {},
): Promise<Answer> {
  return new Promise((resolve) => {
    const payload = options.body === undefined ? undefined : JSON.stringify(options.body);
    const req = http.request(
      {
        agent,
        host: '127.0.0.1',
        port,
        method,
        path: url,
        timeout: options.timeoutMs ?? 30_000,
        headers: {
          accept: 'application/json',
          ...(payload ? { 'content-type': 'application/json', 'content-length': Buffer.byteLength(payload) } : {}),
          ...(options.cookie ? { cookie: options.cookie } : {}),
        },
      },
      (res) => {
        const chunks: Buffer[] = [];
        res.on('data', (chunk: Buffer) => chunks.push(chunk));
        res.on('error', () => resolve({ status: 0, headers: res.headers, body: null }));
        res.on('end', () => {
          const text = Buffer.concat(chunks).toString('utf8');
          let body: unknown = text;
          try {
            body = text ? JSON.parse(text) : null;
          } catch {
            // nginx error pages are HTML
          }
          resolve({ status: res.statusCode ?? 0, headers: res.headers, body });
        });
      },
    );
    req.on('timeout', () => req.destroy(new Error('timeout')));
    req.on('error', () => resolve({ status: 0, headers: {}, body: null }));
    req.end(payload);
  });
}

/** The session cookie (name=value) from a sign-in answer. */
export function sessionCookie(answer: Answer): string {
  const cookie = [answer.headers['set-cookie'] ?? []].flat().find((c) => c.startsWith('thanrak_session='));
  if (!cookie) throw new Error(`no session cookie (status ${answer.status}: ${JSON.stringify(answer.body)})`);
  return cookie.split(';')[0];
}

export function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = net.createServer();
    server.on('error', reject);
    server.listen(0, '127.0.0.1', () => {
      const { port } = server.address() as net.AddressInfo;
      server.close(() => resolve(port));
    });
  });
}

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

/** Child processes, each in its own process group, with a pid file the shell wrapper can clean up from. */
class Processes {
  private readonly children = new Map<string, ChildProcess>();
  constructor(private readonly dir: string) {
    mkdirSync(path.join(dir, 'pids'), { recursive: true });
    process.once('exit', () => {
      for (const child of this.children.values()) this.signal(child, 'SIGKILL');
    });
  }

  start(name: string, command: string, args: string[], env: NodeJS.ProcessEnv = process.env): ChildProcess {
    const log = openSync(this.log(name), 'a');
    const child = spawn(command, args, { cwd: ROOT, env, detached: true, stdio: ['ignore', log, log] });
    this.children.set(name, child);
    writeFileSync(path.join(this.dir, 'pids', `${name}.pid`), String(child.pid));
    child.once('exit', () => {
      this.children.delete(name);
      rmSync(path.join(this.dir, 'pids', `${name}.pid`), { force: true });
    });
    return child;
  }

  log(name: string) {
    return path.join(this.dir, `${name}.log`);
  }

  tail(name: string, lines = 20): string {
    if (!existsSync(this.log(name))) return '';
    return readFileSync(this.log(name), 'utf8').trim().split('\n').slice(-lines).join('\n');
  }

  running(name: string): boolean {
    const child = this.children.get(name);
    return !!child && child.exitCode === null && child.signalCode === null;
  }

  kill(name: string, signal: NodeJS.Signals) {
    const child = this.children.get(name);
    if (child) this.signal(child, signal);
  }

  /** SIGTERM to every group, SIGKILL to what is still there after five seconds. */
  async stopAll() {
    const children = [...this.children.values()];
    const exited = children.map((child) =>
      child.exitCode !== null || child.signalCode !== null ? Promise.resolve() : new Promise((r) => child.once('exit', r)),
    );
    for (const child of children) this.signal(child, 'SIGTERM');
    const timer = setTimeout(() => {
      for (const child of this.children.values()) this.signal(child, 'SIGKILL');
    }, 5_000);
    await Promise.all(exited);
    clearTimeout(timer);
  }

  private signal(child: ChildProcess, signal: NodeJS.Signals) {
    if (!child.pid || child.exitCode !== null || child.signalCode !== null) return;
    try {
      process.kill(-child.pid, signal);
    } catch {
      try {
        process.kill(child.pid, signal);
      } catch {
        // already gone
      }
    }
  }
}

/** A PostgreSQL server: the one given by TEST_DATABASE_URL / TEST_POSTGRES_URL, or a throwaway cluster of our own. */
async function postgresServer(dir: string): Promise<{ adminUrl: string; stop: () => void }> {
  const given = process.env.TEST_DATABASE_URL || process.env.TEST_POSTGRES_URL;
  if (given) return { adminUrl: given, stop: () => {} };
  const bin =
    process.env.PG_BIN ??
    readdirSync('/usr/lib/postgresql')
      .sort((a, b) => Number(a) - Number(b))
      .map((v) => `/usr/lib/postgresql/${v}/bin`)
      .at(-1);
  if (!bin || !existsSync(`${bin}/initdb`)) throw new Error('PostgreSQL not installed (apt-get install postgresql)');
  // Its own folder: when we are root the server runs as `postgres`, which must own it.
  const pgDir = mkdtempSync(path.join(os.tmpdir(), 'thanrak-cluster-pg-'));
  writeFileSync(path.join(dir, 'postgres-dir'), pgDir);
  const asPostgres = (command: string, args: string[]) =>
    isRoot ? execFileSync('runuser', ['-u', 'postgres', '--', command, ...args]) : execFileSync(command, args);
  if (isRoot) chownSync(pgDir, Number(execFileSync('id', ['-u', 'postgres'])), Number(execFileSync('id', ['-g', 'postgres'])));
  const port = await freePort();
  const data = path.join(pgDir, 'data');
  asPostgres(`${bin}/initdb`, ['-D', data, '-U', 'postgres', '--auth=trust', '--encoding=UTF8', '--locale=C.UTF-8']);
  asPostgres(`${bin}/pg_ctl`, [
    '-D',
    data,
    '-l',
    path.join(pgDir, 'server.log'),
    '-w',
    '-o',
    `-p ${port} -k ${pgDir} -c listen_addresses=127.0.0.1 -c fsync=off -c full_page_writes=off`,
    'start',
  ]);
  const stop = () => {
    try {
      asPostgres(`${bin}/pg_ctl`, ['-D', data, '-m', 'immediate', 'stop']);
    } catch {
      // already stopped
    }
    rmSync(pgDir, { recursive: true, force: true });
  };
  return { adminUrl: `postgres://postgres@127.0.0.1:${port}/postgres`, stop };
}

function withDatabase(url: string, name: string): string {
  const u = new URL(url);
  u.pathname = `/${name}`;
  return u.toString();
}

function nginxConfig(dir: string, listen: number, nodes: number[]): string {
  const temp = (name: string) => path.join(dir, 'nginx-temp', name);
  return `# Thanrak cluster test: round robin over two nodes on loopback.
${isRoot ? 'user root;\n' : ''}daemon off;
worker_processes 1;
pid ${dir}/nginx.pid;
error_log ${dir}/nginx-error.log warn;
events { worker_connections 1024; }
http {
  access_log ${dir}/nginx-access.log;
  client_body_temp_path ${temp('body')};
  proxy_temp_path ${temp('proxy')};
  fastcgi_temp_path ${temp('fastcgi')};
  uwsgi_temp_path ${temp('uwsgi')};
  scgi_temp_path ${temp('scgi')};
  upstream thanrak {
${nodes.map((port) => `    server 127.0.0.1:${port} max_fails=1 fail_timeout=5s;`).join('\n')}
    keepalive 16;
  }
  server {
    listen 127.0.0.1:${listen};
    client_max_body_size 12m;
    location / {
      proxy_pass http://thanrak;
      proxy_http_version 1.1;
      proxy_set_header Connection "";
      proxy_set_header Host $http_host;
      proxy_set_header X-Forwarded-For $proxy_add_x_forwarded_for;
      proxy_set_header X-Forwarded-Proto $scheme;
      proxy_connect_timeout 2s;
      proxy_read_timeout 30s;
      # Another node only when the request could not reach one, or for idempotent methods: nginx never
      # resends a POST or PATCH it has already sent (no "non_idempotent"), so a write is never made twice.
      proxy_next_upstream error timeout;
      proxy_next_upstream_tries 2;
      add_header X-Upstream $upstream_addr always;
    }
  }
}
`;
}

export interface Node {
  name: string;
  port: number;
}

export interface Cluster {
  dir: string;
  /** nginx's port. */
  port: number;
  nodes: Node[];
  databaseUrl: string;
  kill(node: Node, signal: NodeJS.Signals): void;
  running(node: Node): boolean;
  /** Runs a query on the cluster's database. */
  query<T extends pg.QueryResultRow>(sql: string, params?: unknown[]): Promise<T[]>;
  /** The node that answered, from nginx's X-Upstream header (the last one tried). */
  nodeOf(answer: Answer): Node | undefined;
  stop(): Promise<void>;
}

async function waitForHealth(processes: Processes, name: string, port: number, timeoutMs: number) {
  const agent = new http.Agent();
  const until = Date.now() + timeoutMs;
  try {
    while (Date.now() < until) {
      if (!processes.running(name)) throw new Error(`${name} exited during start:\n${processes.tail(name)}`);
      const answer = await request(agent, port, 'GET', '/api/health', { timeoutMs: 2_000 });
      if (answer.status === 200) return;
      await sleep(200);
    }
    throw new Error(`${name} did not answer /api/health within ${timeoutMs / 1000} s:\n${processes.tail(name)}`);
  } finally {
    agent.destroy();
  }
}

export async function startCluster(): Promise<Cluster> {
  const dir = process.env.CLUSTER_DIR || mkdtempSync(path.join(os.tmpdir(), 'thanrak-cluster-'));
  mkdirSync(dir, { recursive: true });
  const processes = new Processes(dir);
  const cleanups: (() => Promise<void> | void)[] = [];
  const stop = async () => {
    await processes.stopAll();
    for (const cleanup of cleanups.reverse()) {
      try {
        await cleanup();
      } catch (error) {
        console.error('cluster cleanup:', error);
      }
    }
    if (!process.env.CLUSTER_DIR) rmSync(dir, { recursive: true, force: true });
  };
  try {
    const server = await postgresServer(dir);
    cleanups.push(server.stop);
    const database = `thanrak_cluster_${process.pid}_${randomBytes(3).toString('hex')}`;
    const admin = new pg.Client({ connectionString: server.adminUrl });
    await admin.connect();
    await admin.query(`CREATE DATABASE ${database}`);
    await admin.end();
    const databaseUrl = withDatabase(server.adminUrl, database);
    cleanups.push(async () => {
      const client = new pg.Client({ connectionString: server.adminUrl });
      await client.connect();
      await client.query(`DROP DATABASE IF EXISTS ${database} WITH (FORCE)`);
      await client.end();
    });
    const pool = new pg.Pool({ connectionString: databaseUrl, max: 2 });
    cleanups.push(() => pool.end());

    const env: NodeJS.ProcessEnv = {
      ...process.env,
      DATABASE_URL: databaseUrl,
      THANRAK_DATA_KEY: randomBytes(32).toString('base64'),
    };
    for (const key of Object.keys(env)) if (key.startsWith('VITEST') || key.startsWith('TEST_')) delete env[key];
    delete env.NODE_ENV;

    // Demo data through the npm script (the seed CLI's path may move), with the same key the nodes use.
    const seed = processes.start('seed', 'npm', ['run', '-s', 'db:seed', '--', '--demo'], env);
    const seedCode = await new Promise<number | null>((resolve) => seed.once('exit', resolve));
    if (seedCode !== 0) throw new Error(`npm run db:seed -- --demo failed:\n${processes.tail('seed')}`);

    const nodes: Node[] = [
      { name: 'node-a', port: await freePort() },
      { name: 'node-b', port: await freePort() },
    ];
    for (const node of nodes) {
      processes.start(node.name, process.execPath, ['--import', 'tsx', 'src/server/main.ts'], {
        ...env,
        PORT: String(node.port),
        HOST: '127.0.0.1',
        TRUST_PROXY: '127.0.0.1',
        LOG: 'false',
      });
    }
    await Promise.all(nodes.map((node) => waitForHealth(processes, node.name, node.port, 60_000)));

    const port = await freePort();
    for (const name of ['body', 'proxy', 'fastcgi', 'uwsgi', 'scgi'])
      mkdirSync(path.join(dir, 'nginx-temp', name), { recursive: true });
    const config = path.join(dir, 'nginx.conf');
    writeFileSync(
      config,
      nginxConfig(
        dir,
        port,
        nodes.map((n) => n.port),
      ),
    );
    const nginx = process.env.NGINX ?? (existsSync('/usr/sbin/nginx') ? '/usr/sbin/nginx' : 'nginx');
    // -e: the error log before the configuration is read (the default is a root-owned path).
    processes.start('nginx', nginx, ['-e', path.join(dir, 'nginx-error.log'), '-p', dir, '-c', config]);
    await waitForHealth(processes, 'nginx', port, 10_000);

    return {
      dir,
      port,
      nodes,
      databaseUrl,
      kill: (node, signal) => processes.kill(node.name, signal),
      running: (node) => processes.running(node.name),
      query: async (sql, params) => (await pool.query(sql, params)).rows,
      nodeOf: (answer) => {
        const upstream = String(answer.headers['x-upstream'] ?? '')
          .split(',')
          .at(-1)
          ?.trim();
        return nodes.find((node) => upstream === `127.0.0.1:${node.port}`);
      },
      stop,
    };
  } catch (error) {
    await stop();
    throw error;
  }
}
