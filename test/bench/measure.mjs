// Timing a command for the bench scripts: wall time and peak RSS (VmRSS, polled from /proc).
import { spawn } from "node:child_process";
import { readFileSync } from "node:fs";

/**
 * Runs `cmd argv` in `cwd` with stdout discarded; resolves { ms, rssMB, stderr } (RSS polled every
 * 20 ms). A non-zero exit rejects; so does running past `timeoutMs`, with { timedOut, rssMB }.
 */
export function measure(cmd, argv, { cwd, timeoutMs = Infinity } = {}) {
  return new Promise((resolve, reject) => {
    const t0 = performance.now();
    const child = spawn(cmd, argv, { cwd, stdio: ["ignore", "ignore", "pipe"] });
    const timer = Number.isFinite(timeoutMs) ? setTimeout(() => child.kill("SIGKILL"), timeoutMs) : null;
    let peak = 0;
    let stderr = "";
    child.stderr.on("data", (d) => (stderr += d));
    const poll = setInterval(() => {
      try {
        const m = /VmRSS:\s+(\d+) kB/.exec(readFileSync(`/proc/${child.pid}/status`, "utf8"));
        if (m) peak = Math.max(peak, Number(m[1]) / 1024);
      } catch {}
    }, 20);
    child.on("exit", (code, signal) => {
      clearInterval(poll);
      if (timer) clearTimeout(timer);
      if (signal === "SIGKILL" && performance.now() - t0 >= timeoutMs) reject(Object.assign(new Error(`timed out after ${timeoutMs / 1000} s`), { timedOut: true, rssMB: peak }));
      else if (code !== 0) reject(new Error(`${argv.join(" ")} exited ${code ?? signal}: ${stderr.slice(-500)}`));
      else resolve({ ms: performance.now() - t0, rssMB: peak, stderr });
    });
  });
}

export const median = (xs) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)];
