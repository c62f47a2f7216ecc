#!/usr/bin/env node
// Read-stage speed per input format: milliseconds per MB of file, each file read in one process
// after a first read has loaded the readers (medians of several runs), and a 100-page PDF whole.
//   node test/bench/formats.mjs [--runs N]      (after npm run build; npm run bench runs it too)
// Prints a Markdown table.
import { readFileSync, statSync } from "node:fs";
import { join } from "node:path";
import { fileURLToPath } from "node:url";
import { median } from "./measure.mjs";

const root = fileURLToPath(new URL("../../", import.meta.url));
const args = process.argv.slice(2);
const RUNS = args.includes("--runs") ? Number(args[args.indexOf("--runs") + 1]) : 5;
const { read } = await import(join(root, "dist/read/index.js"));

const FILES = {
  text: ["seeds/001_2b4fa658977f0053.txt", "seeds/002_3693ba97f58c2210.txt", "seeds/003_cf0accc487ded217.txt", "fixtures/variants/lezhi-gbk.txt"],
  html: ["fixtures/variants/linan-page.html"],
  pdf: ["fixtures/formats/linan.pdf", "fixtures/formats/lezhi.pdf", "fixtures/formats/yongjia.pdf", "fixtures/formats/jinjiang.pdf"],
  docx: ["fixtures/formats/linan.docx", "fixtures/formats/lezhi.docx"],
  doc: ["fixtures/formats/linan.doc", "fixtures/formats/lezhi.doc"],
};

async function time(file) {
  const bytes = new Uint8Array(readFileSync(join(root, file)));
  const ms = [];
  for (let i = 0; i < RUNS; i++) {
    const t = performance.now();
    const r = await read(bytes, file);
    ms.push(performance.now() - t);
    if (!r.ok) throw new Error(r.message);
  }
  return median(ms);
}

// the first read of each format loads its reader (PDFium, JSZip, word-extractor): not counted
for (const files of Object.values(FILES)) await read(new Uint8Array(readFileSync(join(root, files[0]))), files[0]);

const rows = [];
for (const [format, files] of Object.entries(FILES)) {
  let ms = 0;
  let mb = 0;
  for (const f of files) {
    ms += await time(f);
    mb += statSync(join(root, f)).size / 1024 / 1024;
  }
  rows.push(`| ${format} | ${files.length} | ${mb.toFixed(2)} MB | ${(ms / mb).toFixed(0)} ms/MB |`);
  process.stderr.write(`${format}: ${(ms / mb).toFixed(0)} ms/MB over ${files.length} files\n`);
}
const long = "fixtures/formats/long.pdf";
const longMs = await time(long);
console.log("| format | files | size | read time |\n|---|---|---|---|");
console.log(rows.join("\n"));
console.log(`\nA 100-page text PDF (${(statSync(join(root, long)).size / 1024).toFixed(0)} KB, ${long}): ${longMs.toFixed(0)} ms to read, median of ${RUNS}.`);
