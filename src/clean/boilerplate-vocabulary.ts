// What government sites wrap around a plan, as data: the words and patterns that mark a line or an
// HTML element as site furniture, the keys of a 政府信息公开 record's metadata block, the titles of a
// table of contents, and the spam mirror sites inject. Grouped by concept; the rules that use them
// are in boilerplate.ts (lines of text) and html.ts (elements of a page). Patterns are sources of
// regular expressions, matched anywhere in a line unless anchored.

/** What tells a page of a document-sharing site (docin, doc88, book118 style): its uploader, document
 *  number, description and download buttons, and the file name it labels each page with. */
export const SHARING_SITE_MARKS = ["上传人[:：]", "文档编号[:：]", "^资源描述$", "^下载文档$", "下载本文档", "继续免费阅读", "^文档简介$", "_第\\d+页$"] as const;

/** What a document-sharing site appends to a document's name before its extension (…规划Word文档格式.docx,
 *  …规划（完整版）): words of the site, never of the document. */
export const SHARING_TITLE_LABELS = ["Word文档格式", "Word格式", "Word版本?", "Word下载", "完整版", "最新版", "精品文档", "精品", "精选", "范文", "可编辑", "优质", "定稿", "整理版", "珍藏版"] as const;

/** A sharing site's label of a document's page: its name, maybe its file's extension, and the page. */
export const SHARING_PAGE_LABEL = "^(.{4,80}?)(?:\\.(?:docx?|pdf|wps))?_第\\d+页$";

/** Phrases that make a line site furniture wherever it stands, grouped by what they are. */
export const SITE_FURNITURE = {
  /** the registration every Chinese site prints in its footer */
  registration: ["ICP备", "ICP证", "公网安备", "网站标识码"],
  rights: ["版权所有", "Copyright", "All Rights Reserved"],
  /** visitor and read counters */
  counters: ["访问量", "浏览次数", "阅读次数", "点击数", "浏览量", "点击量", "阅读量", "访问次数", "点击次数", "(?:点击|浏览|阅读)[:：]\\s*\\d+\\s*次?"],
  /** who runs the site and how to reach them */
  owners: ["主办[:：单]", "承办[:：单]", "技术支持[:：]", "联系电话[:：]", "联系我们"],
  /** where the page is in the site, and links to other pages */
  navigation: ["网站地图", "当前位置", "您现在的位置", "所在的?位置[:：]", "上一篇", "下一篇", "相关政策解读", "相关链接", "附件下载", "信息公开元数据", "政策文件库"],
  /** the page's tools: QR codes, bookmarks, accessibility, print and close buttons, font size, share */
  pageTools: ["^朗读$", "扫一扫", "手机浏览", "欢迎您", "设为首页", "加入收藏", "无障碍", "长者模式", "关闭窗口", "【打印】", "【关闭】", "字号[:：]", "^分享[:：]?$", "^打印$"],
  /** a document-sharing site's furniture: it never occurs in a plan's own text */
  documentSharing: [
    ...SHARING_SITE_MARKS,
    "上传时间[:：]", "已阅读\\d+页", "还剩\\d+页未读", "超出免费预览", "点击查看更多", "本文档由用户提供并上传", "下载后继续阅读", "当前文档共\\d+页",
    "^第\\d+页\\s*\\/\\s*共\\d+页$", "精品文档", "^下载\\s*相关\\s*举报$", "\\d+(?:\\.\\d+)?\\s*[KM]B\\s*下载",
    "由会员分享", "版权说明[:：]本文档", "^付费下载$", "^开通\\s*vip$", "^[-·•\\s]*(?:格式|页数|大小|文件大小)[:：]\\s*[\\w.]{1,12}$", "^下载\\s+收藏\\s+举报$",
  ],
} as const;

/** How a breadcrumb line starts (您现在所在的位置：网站首页 > 政府信息公开 > …): such a line is site
 *  furniture wherever it stands, however many crumbs are glued into it. */
export const BREADCRUMB_START = ["^(?:您|你)?(?:现在|当前)?(?:所在)?的?位置\\s*[:：]", "^当前位置"] as const;

/** Words that are furniture only in a short line at the head or foot of a page: menus and tools. */
export const EDGE_FURNITURE = {
  pageTools: ["分享", "打印", "收藏", "简体", "繁体", "字号", "大\\s*中\\s*小", "返回顶部"],
  account: ["首页", "登录", "注册", "搜索"],
  /** the site's sections */
  menus: ["政务公开", "信息公开", "办事服务", "互动交流"],
} as const;

/** HTML elements that hold site furniture: navigation, page header and footer, forms and frames. */
export const FURNITURE_ELEMENTS = ["form", "button", "input", "select", "textarea", "iframe", "nav", "header", "footer", "aside"] as const;

/** Words of an element's id or class (split on punctuation and camelCase) that mark it as furniture. */
export const FURNITURE_CLASS_WORDS = {
  navigation: ["nav", "navbar", "navigation", "menu", "menubar", "submenu", "topmenu", "breadcrumb", "breadcrumbs", "crumb", "crumbs", "bread"],
  pageParts: ["footer", "header", "sidebar", "toolbar", "topbar", "copyright"],
  sharing: ["share", "sharing"],
} as const;

/** Words of an id or class that make a "header" or "footer" the article's own (its title, date and
 *  source), which is content. */
export const CONTENT_CLASS_WORDS = ["article", "content", "detail", "main", "post", "entry", "doc", "text", "con", "zoom", "body"] as const;

/** Elements never dropped as furniture, whatever their class: they hold the page. */
export const PAGE_ELEMENTS = ["html", "body", "main", "article"] as const;

/** Keys of a 政府信息公开 record's metadata block (索引号 … 主题词), grouped by what they say. */
export const RECORD_KEYS = {
  filing: ["索引号", "信息索引号", "主题分类", "公文种类", "体裁分类", "组配分类", "信息类别", "公开目录"],
  issuer: ["发布机构", "发布单位", "发文机关", "发文单位", "所属机构", "信息来源", "来源", "发文机构", "责任部门", "作者"],
  dates: ["成文日期", "发文日期", "发布日期", "发布时间", "公文生成日期", "生成日期", "生效日期", "废止日期", "生成时间", "成文时间", "实施日期", "时间", "日期"],
  document: ["文号", "发文字号", "标题", "名称", "内容概述", "关键词", "主题词", "文件名称", "规范性文件编号", "备注"],
  disclosure: ["公开方式", "公开范围", "公开时限", "有效性", "公开形式", "是否有效"],
  /** the page's counters, printed among the record's fields */
  counters: ["浏览量", "浏览次数", "点击量", "点击数", "访问量", "阅读量", "阅读次数"],
} as const;

/** The title of a table of contents, a whole line (its 目 may be lost to a font the page lacked: "  录"). */
export const CONTENTS_TITLES = ["目\\s*录", "目\\s*次", "contents", "[?？]?\\s*录"] as const;

/** Spam injected into mirrored government pages, with weights: 2 for words that do not occur in plan
 *  prose, 1 for words that need company to be spam. A line or clause scoring SPAM_THRESHOLD is spam. */
export const SPAM_TERMS = {
  porn: [["色情", 2], ["喷液", 2], ["呻吟", 2], ["无码", 2], ["乱伦", 2], ["偷拍", 2], ["性爱", 2], ["做爱", 2], ["裸聊", 2], ["一级毛片", 2], ["人妻", 2], ["熟女", 2], ["高潮", 1], ["抽搐", 1], ["美女", 1], ["女人", 1], ["激情", 1], ["丝袜", 1], ["制服", 1], ["成人", 1]],
  /** sports-betting sites: their brand names and sign-up words, glued into titles and sentences */
  betting: [["杏彩", 2], ["开云体育", 2], ["华体会", 2], ["九游会", 2], ["乐鱼体育", 2], ["体育注册", 2], ["体育官网", 2], ["体育app", 2], ["官网入口", 2], ["注册送", 2], ["官方网站入口", 2], ["体育平台", 1], ["登录入口", 1]],
  gambling: [["博彩", 2], ["百家乐", 2], ["老虎机", 2], ["六合彩", 2], ["时时彩", 2], ["娱乐城", 2], ["澳门赌", 2], ["威尼斯人", 2], ["葡京", 2], ["太阳城", 2], ["真人视讯", 2], ["棋牌", 1], ["彩票", 1], ["赌博", 1]],
  piratedVideo: [["av在线", 2], ["亚洲av", 2], ["日韩", 2], ["欧美精品", 2], ["一区二区", 2], ["成人电影", 2], ["视频", 1], ["在线观看", 1], ["免费观看", 1], ["国产", 1], ["精品", 1]],
  other: [["代孕", 2], ["私服", 2]],
  /** casino mirrors: their names replace a page's title or county, or are glued into its sentences */
  casino: [["金沙", 2], ["赌场", 2], ["竞彩", 2], ["在线投注", 2], ["投注", 1], ["澳门", 1], ["老挝", 1], ["磨丁", 2], ["网推荐", 1]],
} as const satisfies Record<string, ReadonlyArray<readonly [string, number]>>;
export const SPAM_THRESHOLD = 3;

/** A casino site's name for its own page, printed as a short first line (…-js5599金沙线): site codes
 *  and names, matched in any case. */
export const CASINO_PAGE_TITLES = ["(?:^|[-_—])(?:js|xpj|hg|am|jsh)\\d{3,}", "金沙线", "娱乐城", "赌场"] as const;

/** How a document's title ends (a plan, a contingency plan, an interpretation, a notice …, maybe with
 *  a bracketed note): such a line standing between chrome lines is the page's content, not a banner. */
export const TITLE_AMID_CHROME = "(?:规划|纲要|预案|方案|计划|要点|解读|通知)(?:[（(][^）)]{0,14}[）)])?$|十[三四五]五|政策解读|一图读懂";
