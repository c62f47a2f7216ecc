// Timing a command for the bench scripts: wall time and peak RSS (VmRSS, polled from /proc, summed
// over the command's process and the processes it starts: ingest's keyword process).
import { spawn } from "node:child_process";
import { readFileSync } from "node:fs";

/**
 * Runs `cmd argv` in `cwd` with stdout discarded; resolves { ms, rssMB, stderr } (RSS of the
 * process tree, polled every 20 ms). A non-zero exit rejects; so does running past `timeoutMs`, with { timedOut, rssMB }.
 */
export function measure(cmd, argv, { cwd, timeoutMs = Infinity, env = process.env } = {}) {
  return new Promise((resolve, reject) => {
    const t0 = performance.now();
    const child = spawn(cmd, argv, { cwd, env, stdio: ["ignore", "ignore", "pipe"] });
    const timer = Number.isFinite(timeoutMs) ? setTimeout(() => child.kill("SIGKILL"), timeoutMs) : null;
    let peak = 0;
    let stderr = "";
    child.stderr.on("data", (d) => (stderr += d));
    const poll = setInterval(() => {
      peak = Math.max(peak, treeRssMB(child.pid));
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

/** The resident memory of process `pid` and its descendants, in MB (0 once it has gone). */
function treeRssMB(pid) {
  let kB = 0;
  try {
    kB = Number(/VmRSS:\s+(\d+) kB/.exec(readFileSync(`/proc/${pid}/status`, "utf8"))?.[1] ?? 0);
    for (const c of readFileSync(`/proc/${pid}/task/${pid}/children`, "utf8").trim().split(/\s+/).filter(Boolean)) kB += treeRssMB(Number(c)) * 1024;
  } catch {}
  return kB / 1024;
}

export const median = (xs) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)];
