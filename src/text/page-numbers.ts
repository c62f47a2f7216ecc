// A page number printed on a line of its own, as PDF text copies and pdftotext print them: — 12 —,
// - 12 -, 第 3 页, 第 3 页 / 共 20 页, 3/20. One pattern for the clean steps that drop such lines (unwrap
// for a PDF's text, layout for pdftotext -layout's); the PDF reader tells its page numbers by where
// they stand on the page as well (read/pdf/furniture.ts).
export const PAGE_NUMBER_LINE = /^\s*(?:[—–\-－]\s*\d{1,4}\s*[—–\-－]|第\s*\d{1,4}\s*页(?:\s*[/，,]?\s*共\s*\d{1,4}\s*页)?|\d{1,4}\s*\/\s*\d{1,4})\s*$/u;
