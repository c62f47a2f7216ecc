// pdf.js ships no types for its worker module; the reader only hands it back to pdf.js.
declare module "pdfjs-dist/legacy/build/pdf.worker.mjs";
