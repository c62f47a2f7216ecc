// word-extractor ships no types; these are the parts the DOC reader uses.
declare module "word-extractor/lib/word-ole-extractor.js" {
  interface WordDocument {
    getBody(): string;
    getTextboxes(options?: { includeHeadersAndFooters?: boolean; includeBody?: boolean }): string;
  }
  export default class WordOleExtractor {
    extract(reader: unknown): Promise<WordDocument>;
    extractWordDocument(document: unknown, buffer: Buffer): Promise<WordDocument>;
  }
}
declare module "word-extractor/lib/ole-allocation-table.js" {
  export default class AllocationTable {
    _table: number[];
    getSecIdChain(start: number): number[];
  }
}
