// A parse worker: read → clean → segment one file at a time, get its tasks' keywords from the
// keyword process, and send back the source ready to cache (as JSON, so the main thread only writes
// it). The pipeline's modules (OpenCC, the mojibake word model; cheerio at the first page) load here, not in main.
import { parentPort, workerData, type MessagePort } from "node:worker_threads";
import { keywordClient } from "./keywords-pool.js";
import { keywordTexts, parseSource, setKeywords, summaryOf } from "./parse.js";
import { newTimes } from "./source.js";
import type { ParseProgress, ParseReply, ParseRequest } from "./parse-pool.js";

const keywords = keywordClient((workerData as { keywords: MessagePort }).keywords);

/** Files are read one at a time (their readers await, and would otherwise interleave): the pool's
 *  deadline for a file runs from "parsing" to "parsed". */
let turn: Promise<unknown> = Promise.resolve();

parentPort!.on("message", async (job: ParseRequest) => {
  try {
    const times = newTimes();
    const parsed = turn.then(async () => {
      parentPort!.postMessage({ id: job.id, phase: "parsing" } satisfies ParseProgress);
      const p = await parseSource({ path: job.path, bytes: job.bytes }, times, job.sha256);
      parentPort!.postMessage({ id: job.id, phase: "parsed" } satisfies ParseProgress);
      return p;
    });
    turn = parsed.catch(() => undefined);
    const { input, result } = await parsed;
    let reply: ParseReply = { id: job.id, input, summary: null, json: null, times };
    if (result) {
      const { lists, ms } = await keywords.keywordsOf(keywordTexts(result.segmented));
      setKeywords(result.segmented, lists);
      times.keywords += ms;
      reply = { ...reply, summary: summaryOf(result), json: JSON.stringify(result) };
    }
    parentPort!.postMessage(reply);
  } catch (e) {
    parentPort!.postMessage({ id: job.id, error: (e as Error)?.stack ?? String(e) });
  }
});
