// The keyword process starts with huge pages for malloc, without overriding a user's own tunables.
import { describe, expect, it } from "vitest";
import { keywordTunables } from "../../src/dataset/keywords-pool.js";

describe("the keyword process's GLIBC_TUNABLES", () => {
  it("asks for huge pages when the user set no tunables", () => {
    expect(keywordTunables(undefined)).toBe("glibc.malloc.hugetlb=1");
    expect(keywordTunables("")).toBe("glibc.malloc.hugetlb=1");
  });
  it("adds huge pages to the user's other tunables", () => {
    expect(keywordTunables("glibc.malloc.arena_max=2")).toBe("glibc.malloc.arena_max=2:glibc.malloc.hugetlb=1");
  });
  it("keeps the user's own hugetlb setting, whatever it is", () => {
    expect(keywordTunables("glibc.malloc.hugetlb=0")).toBe("glibc.malloc.hugetlb=0");
    expect(keywordTunables("glibc.malloc.arena_max=2:glibc.malloc.hugetlb=2")).toBe("glibc.malloc.arena_max=2:glibc.malloc.hugetlb=2");
  });
});
