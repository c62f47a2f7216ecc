// The HTML reader: a saved web page decoded as text is (its <meta charset> is evidence there). The
// page stays markup here: clean turns it into lines, after mojibake is repaired on the raw page,
// since a garbled character can swallow the "<" of the tag after it.
import type { Reader } from "./result.js";
import { decodedAs } from "./text.js";

export const readHtml: Reader = async (bytes, source) => decodedAs("html", bytes, source);
