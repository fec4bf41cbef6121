// What the browser test stands on: a dev chain of its own on free ports, the built portal
// served, headless Chromium — each stopped at the end.
import { execFile, spawn, type ChildProcess } from "node:child_process"
import { existsSync, mkdirSync, readFileSync, writeFileSync } from "node:fs"
import { createServer } from "node:net"
import { join } from "node:path"
import { fileURLToPath } from "node:url"
import { promisify } from "node:util"
import puppeteer, { type Browser } from "puppeteer-core"
import { preview, type PreviewServer } from "vite"

export async function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = createServer()
    server.once("error", reject)
    server.listen(0, "127.0.0.1", () => {
      const address = server.address()
      server.close(() => (typeof address === "object" && address ? resolve(address.port) : reject(new Error("no port"))))
    })
  })
}

/**
 * The first free port in `from`…`to`: the light-client test keeps to its own ranges (RPC
 * 9960–9969, p2p 30360–30369, HTTP 8090–8099), apart from the other test networks on the machine.
 */
export async function portIn(from: number, to: number): Promise<number> {
  for (let port = from; port <= to; port += 1) {
    const free = await new Promise<boolean>((resolve) => {
      const server = createServer()
      server.once("error", () => resolve(false))
      server.listen(port, "127.0.0.1", () => server.close(() => resolve(true)))
    })
    if (free) return port
  }
  throw new Error(`no free port in ${from}–${to}`)
}

/** One JSON-RPC call over HTTP (the node serves HTTP and WebSocket on one port). */
export async function rpc<T>(port: number, method: string, params: unknown[] = []): Promise<T> {
  const response = await fetch(`http://127.0.0.1:${port}`, {
    method: "POST",
    headers: { "content-type": "application/json" },
    body: JSON.stringify({ jsonrpc: "2.0", id: 1, method, params }),
  })
  const body = (await response.json()) as { result?: T; error?: unknown }
  if (body.error) throw new Error(`${method}: ${JSON.stringify(body.error)}`)
  return body.result as T
}

export interface DevChain {
  port: number
  /** The WebSocket multiaddr a light client reaches the node at (with `wsP2p`). */
  bootNode?: string
  stop(): Promise<void>
}

export interface ChainOptions {
  /** The RPC port; else a free one. */
  rpcPort?: number
  /** Listen for peers over WebSocket on this port (what a browser's light client can reach). */
  wsP2p?: number
}

export async function startChain(binary: string, options: ChainOptions = {}): Promise<DevChain> {
  const port = options.rpcPort ?? (await freePort())
  const listen = options.wsP2p === undefined ? ["--port", String(await freePort())] : ["--listen-addr", `/ip4/127.0.0.1/tcp/${options.wsP2p}/ws`]
  const child: ChildProcess = spawn(binary, ["--dev", "--tmp", "--rpc-port", String(port), ...listen, "--no-prometheus", "--no-mdns"], {
    stdio: ["ignore", "ignore", "pipe"],
  })
  let log = ""
  child.stderr?.on("data", (chunk: Buffer) => {
    log = (log + chunk.toString()).slice(-4000)
  })
  const deadline = Date.now() + 240_000
  for (;;) {
    if (child.exitCode !== null) throw new Error(`the node exited: ${log}`)
    try {
      const header = await rpc<{ number: string }>(port, "chain_getHeader")
      if (parseInt(header.number, 16) >= 1) break
    } catch {
      // not listening yet
    }
    if (Date.now() > deadline) throw new Error(`the node did not produce a block: ${log}`)
    await new Promise((r) => setTimeout(r, 500))
  }
  const bootNode = options.wsP2p === undefined ? undefined : `/ip4/127.0.0.1/tcp/${options.wsP2p}/ws/p2p/${await rpc<string>(port, "system_localPeerId")}`
  return {
    port,
    ...(bootNode ? { bootNode } : {}),
    stop: () =>
      new Promise((resolve) => {
        if (child.exitCode !== null) return resolve()
        child.once("exit", () => resolve())
        child.kill("SIGINT")
        setTimeout(() => child.kill("SIGKILL"), 10_000).unref()
      }),
  }
}

/** The dev chain's raw spec, with the node as its boot node: what the light client starts from. */
export async function devChainSpec(binary: string, bootNode: string): Promise<string> {
  const { stdout } = await promisify(execFile)(binary, ["export-chain-spec", "--chain", "dev", "--raw"], { maxBuffer: 64 * 1024 * 1024 })
  const spec = JSON.parse(stdout) as { bootNodes?: string[] }
  spec.bootNodes = [bootNode]
  return JSON.stringify(spec)
}

export interface ServeOptions {
  /** Served as `chain-spec.json` beside the portal, as a deployment ships it. */
  chainSpec?: string
  /** The HTTP port; else a free one. */
  port?: number
}

export async function servePortal(options: ServeOptions = {}): Promise<{ url: string; server: PreviewServer }> {
  const port = options.port ?? (await freePort())
  const root = fileURLToPath(new URL("..", import.meta.url))
  const { chainSpec } = options
  const server = await preview({
    root,
    logLevel: "silent",
    preview: { host: "127.0.0.1", port, strictPort: true },
    plugins: chainSpec
      ? [
          {
            name: "synergy-chain-spec",
            configurePreviewServer(preview) {
              preview.middlewares.use("/chain-spec.json", (_request, response) => {
                response.setHeader("content-type", "application/json")
                response.end(chainSpec)
              })
            },
          },
        ]
      : [],
  })
  return { url: `http://127.0.0.1:${port}/`, server }
}

/** Adds `values` to the measurements file the browser tests write beside the screenshots. */
export function recordMeasurements(artifacts: string, values: Record<string, number>): void {
  mkdirSync(artifacts, { recursive: true })
  const file = join(artifacts, "measurements.json")
  const before = existsSync(file) ? (JSON.parse(readFileSync(file, "utf8")) as Record<string, number>) : {}
  writeFileSync(file, `${JSON.stringify({ ...before, ...values }, null, 2)}\n`)
}

export function launchBrowser(): Promise<Browser> {
  return puppeteer.launch({
    executablePath: process.env.CHROMIUM ?? "/usr/bin/chromium",
    headless: true,
    args: ["--no-sandbox", "--disable-dev-shm-usage", "--disable-gpu"],
    // A wait in the page may outlast the protocol's default three minutes on a loaded machine.
    protocolTimeout: 600_000,
    // Chromium's own start outlasted puppeteer's default 30 s while the cargo phases and four
    // networks shared the two cores.
    timeout: 180_000,
  })
}
