// The output formats of `plans compare`, apart so that the CLI's help can name them cheaply.
export const FORMATS = ["table", "json", "csv", "md", "html"] as const;
export type Format = (typeof FORMATS)[number];
