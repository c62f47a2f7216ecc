// How a plan speaks of its own place without naming it — 全县, 我市, 本区 — by the kind of unit, as
// data. A plan with no title names its place in its body (甘谷县位于…, 宁国市委市政府) and calls it 全县 or
// 我县; the kind of unit tells its own name from the towns, neighbours and prefecture it also names.

/** Words a plan uses for its own place, by the suffix of the place's name. */
export const SELF_REFERENCE: Record<string, readonly string[]> = {
  县: ["全县", "我县", "本县", "县委", "县政府", "县域"],
  市: ["全市", "我市", "本市", "市委", "市政府", "市域"],
  区: ["全区", "我区", "本区", "区委", "区政府"],
  旗: ["全旗", "我旗", "本旗", "旗委", "旗政府"],
  州: ["全州", "我州", "本州", "州委", "州政府"],
  盟: ["全盟", "我盟", "本盟", "盟委", "盟行署"],
  省: ["全省", "我省", "本省", "省委", "省政府"],
};
