// Starts a real khuyencong server process on an ephemeral loopback port with a fresh
// database, for API and browser tests. KC_BIN names the binary (set by `make test`).
import { spawn, execFileSync } from "node:child_process";
import { request } from "node:http";
import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";

export const BIN = process.env.KC_BIN ?? "build/debug/khuyencong";

export async function startServer({ demo = false, web = "" } = {}) {
  const dir = mkdtempSync(join(tmpdir(), "kc-api-"));
  const db = join(dir, "test.db");
  execFileSync(BIN, [demo ? "demo" : "init", "--db", db], { stdio: "pipe" });
  const args = ["serve", "--db", db, "--port", "0", "--quiet"];
  if (web) args.push("--web", web);
  const proc = spawn(BIN, args, { stdio: ["ignore", "pipe", "pipe"] });
  let stderr = "";
  proc.stderr.on("data", (d) => (stderr += d));
  const port = await new Promise((resolve, reject) => {
    let out = "";
    const timer = setTimeout(
      () => reject(new Error(`server did not start: ${stderr}`)),
      20000,
    );
    proc.stdout.on("data", (d) => {
      out += d;
      const m = /http:\/\/127\.0\.0\.1:(\d+)\//.exec(out);
      if (m) {
        clearTimeout(timer);
        resolve(Number(m[1]));
      }
    });
    proc.on("exit", (code) =>
      reject(new Error(`server exited with ${code}: ${stderr}`)),
    );
  });
  const base = `http://127.0.0.1:${port}`;
  return {
    base,
    db,
    port,
    async stop() {
      proc.kill("SIGTERM");
      await new Promise((r) =>
        proc.exitCode !== null ? r() : proc.on("exit", r),
      );
      rmSync(dir, { recursive: true, force: true });
    },
  };
}

// fetch + JSON helpers. body may be an object (sent as JSON) or a raw string/Buffer.
export async function call(base, method, path, body, headers = {}) {
  const init = { method, headers: { ...headers } };
  if (body !== undefined) {
    init.body =
      typeof body === "string" || Buffer.isBuffer(body)
        ? body
        : JSON.stringify(body);
    if (!("Content-Type" in init.headers))
      init.headers["Content-Type"] = "application/json";
  }
  const res = await fetch(base + path, init);
  const text = await res.text();
  let json = null;
  try {
    json = text ? JSON.parse(text) : null;
  } catch {
    json = null;
  }
  return { status: res.status, headers: res.headers, json, text };
}

export function fieldsOf(problem) {
  return (problem?.errors ?? []).map((e) => e.field);
}

// A GET with the path sent exactly as written (fetch would normalise "/../").
export function rawGet(port, path) {
  return new Promise((resolve, reject) => {
    const req = request(
      { host: "127.0.0.1", port, path, method: "GET" },
      (res) => {
        let body = "";
        res.on("data", (d) => (body += d));
        res.on("end", () => resolve({ status: res.statusCode, text: body }));
      },
    );
    req.on("error", reject);
    req.end();
  });
}
