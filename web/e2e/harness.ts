// What the browser test stands on: a dev chain of its own on free ports, the built portal
// served, headless Chromium — each stopped at the end.
import { spawn, type ChildProcess } from "node:child_process"
import { createServer } from "node:net"
import { fileURLToPath } from "node:url"
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
  stop(): Promise<void>
}

export async function startChain(binary: string): Promise<DevChain> {
  const [port, p2p] = [await freePort(), await freePort()]
  const child: ChildProcess = spawn(binary, ["--dev", "--tmp", "--rpc-port", String(port), "--port", String(p2p), "--no-prometheus", "--no-mdns"], {
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
  return {
    port,
    stop: () =>
      new Promise((resolve) => {
        if (child.exitCode !== null) return resolve()
        child.once("exit", () => resolve())
        child.kill("SIGINT")
        setTimeout(() => child.kill("SIGKILL"), 10_000).unref()
      }),
  }
}

export async function servePortal(): Promise<{ url: string; server: PreviewServer }> {
  const port = await freePort()
  const root = fileURLToPath(new URL("..", import.meta.url))
  const server = await preview({ root, logLevel: "silent", preview: { host: "127.0.0.1", port, strictPort: true } })
  return { url: `http://127.0.0.1:${port}/`, server }
}

export function launchBrowser(): Promise<Browser> {
  return puppeteer.launch({
    executablePath: process.env.CHROMIUM ?? "/usr/bin/chromium",
    headless: true,
    args: ["--no-sandbox", "--disable-dev-shm-usage", "--disable-gpu"],
  })
}
