// Projects side by side, grouped by theme, with investment totals where a project table gives them.
import { OTHER_THEME, PROJECT_THEMES, type Theme } from "../catalog/themes.js";
import type { PlanDocument, Project } from "../model.js";
import type { ThemeRow } from "./model.js";

function hits(text: string, theme: Theme): number {
  return theme.words.reduce((n, w) => n + (text.includes(w) ? 1 : 0), 0);
}

/** The theme a project's name speaks of; its group, then its description, break silence. */
export function themeOf(project: Pick<Project, "name" | "group" | "description">): Theme {
  for (const text of [project.name, project.group ?? "", project.description]) {
    let best: Theme | null = null;
    let bestHits = 0;
    for (const theme of PROJECT_THEMES) {
      const h = hits(text, theme);
      if (h > bestHits) {
        best = theme;
        bestHits = h;
      }
    }
    if (best) return best;
  }
  return OTHER_THEME;
}

export function projectThemes(docs: PlanDocument[]): ThemeRow[] {
  const rows = [...PROJECT_THEMES, OTHER_THEME].map<ThemeRow>((t) => ({
    theme: t.id,
    label: t.label,
    counties: Object.fromEntries(docs.map((d) => [d.slug, { count: 0, investment: null, investmentUnit: null, names: [] }])),
  }));
  for (const d of docs) {
    for (const p of d.projects) {
      const row = rows.find((r) => r.theme === themeOf(p).id)!;
      const cell = row.counties[d.slug]!;
      cell.count++;
      cell.names.push(p.name);
      if (p.investment !== null) {
        // sums only add like units; a plan mixing 万元 and 亿元 is converted to 万元
        const wan = p.investmentUnit === "亿元" ? p.investment * 10000 : p.investment;
        cell.investment = Math.round(((cell.investment ?? 0) + wan) * 100) / 100;
        cell.investmentUnit = "万元";
      }
    }
  }
  return rows.filter((r) => Object.values(r.counties).some((c) => c.count > 0));
}
