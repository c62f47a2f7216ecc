// A parse worker: read → clean → segment one file at a time, get its tasks' keywords from the
// keyword worker, and send back the source ready to cache (as JSON, so the main thread only writes
// it). The pipeline's modules (cheerio, OpenCC, the mojibake word model) load here, not in main.
import { parentPort, workerData, type MessagePort } from "node:worker_threads";
import { keywordClient } from "../segment/keywords-pool.js";
import { keywordTexts, parseSource, setKeywords, summaryOf } from "./parse.js";
import { newTimes } from "./source.js";
import type { ParseReply, ParseRequest } from "./parse-pool.js";

const keywords = keywordClient((workerData as { keywords: MessagePort }).keywords);

parentPort!.on("message", async (job: ParseRequest) => {
  try {
    const times = newTimes();
    const { input, result } = await parseSource({ path: job.path, bytes: job.bytes }, times, job.sha256);
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
