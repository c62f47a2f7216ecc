// What a file can be, and the words that tell it, as data. Checked in this order on the file's own
// name (its title line, or the name its covering notice gives it) and on its opening lines.

export type DocumentKind = "plan" | "interpretation" | "contingency-plan" | "action-plan" | "other-period-plan" | "not-a-plan";

/** A page that explains a plan: 政策解读, 文字解读, 图文解读, 一图读懂, 图解 … */
export const INTERPRETATION = /政策解读|文字解读|图文解读|视频解读|专家解读|一图读懂|图解[|｜:：丨]|^图解|规划解读[:：]|解读[:：—]|》的?解读$|的政策解读$|》解读|进行了?解读/u;
/** An interpretation that does not call itself one: its outline tells why and how a document was
 *  drafted (一、起草背景和依据 / 二、起草过程 / 三、主要内容). */
export const INTERPRETATION_OUTLINE = /^(?:[一二三四五六七八九十]、|（[一二三四五六七八九十]）)\s*(?:起草|出台)(?:的)?(?:背景|依据|过程|目的|意义)|^(?:[一二三四五六七八九十]、)\s*研判和起草过程/u;
/** A contingency plan names itself 预案; its body runs 1 总则 / 1.1 编制目的. */
export const CONTINGENCY_NAME = /预案$/u;
export const CONTINGENCY_BODY = /^1[\s.、]*总则|^1\.1\s*编制(?:目的|依据)|本预案/u;
/** Action and implementation plans, work programmes and annual work points. */
export const ACTION_NAME = /(?:行动方案|实施方案|工作方案|行动计划|实施计划|整治方案|专项行动|攻坚行动)$/u;
export const WORK_POINTS_NAME = /工作要点$|工作计划$|工作总结$|工作报告$/u;
/** Five-year plans of another period than the 14th (2021–2025). */
export const OTHER_PERIOD = /十二五|十三五|十五五|十六五|第十二个五年|第十三个五年|第十五个五年/u;
export const THIS_PERIOD = /十四五|第十四个五年|2021\s*[-—–~至]\s*2025/u;
/** A page that reports on a plan rather than being it. */
export const NEWS = /^近日|印发实施$|记者|新闻网|日报|通讯员|讯（|讯\(/u;
/** A paper: abstract, key words, CLC number. */
export const PAPER = /^摘\s*要[:：]|^关键词[:：]|中图分类号|文献标[志识]码|文章编号/u;
/** A plan's name ends in 规划 (maybe with its years, or 纲要). */
export const PLAN_NAME = /(?:规划|规划纲要|发展规划|建设规划)(?:[（(](?:20\d{2}\s*[-—–~至]\s*20\d{2}年?|征求意见稿|送审稿|草案)[）)])?$/u;
