// Every command's help, in Chinese and English.

export const HELP: Record<string, string> = {
  main: `gongkai — 政府信息公开工作年度报告工具 / tools for government information-disclosure annual reports

用法 Usage: npm run --silent gongkai -- <command> [options]

命令 Commands:
  validate   校验报告的结构与勾稽关系 / check reports' structure and reconciliation rules
  extract    输出报告的结构化数据（JSON）/ print a report's typed data as JSON
  schema     输出数据模型的 JSON Schema / print the JSON Schema of the data model
  build      生成网站 / build the site

  <command> --help 查看各命令说明 / for a command's options`,
  validate: `用法 Usage: gongkai validate [--format text|json|github] [--lang zh|en|both] <file|dir>...

校验报告（.md、.txt；目录递归查找）。Checks reports (.md, .txt; directories recursively).
  --format text    带源码行与插入符的可读输出（默认）/ readable, with source line and caret (default)
  --format json    机器可读 / machine-readable
  --format github  GitHub Actions 注释 / GitHub Actions annotations
  --lang           文本输出的语言（默认双语）/ language of text output (default both)
  --config <file>  规则严重级别配置（默认 ./.gongkairc.json）/ rule severities (default ./.gongkairc.json)

给出多份报告（或目录）时，还会跨报告检查：上年结转、现行有效件数、重复报告、英文对照。
Given several reports (or a directory), it also checks across them: carry-over, documents in force,
duplicates, English companions.

退出码 Exit: 0 无错误 no errors · 1 有错误 errors found · 2 无法运行 could not run`,
  extract: `用法 Usage: gongkai extract <file>

以 JSON 输出一份报告的结构化数据（表二、表三、表四及各单元格位置）。
Prints one report's typed data as JSON (tables 二, 三, 四 and where each cell was read).
退出码 Exit: 0 已输出 printed · 2 无法读取 could not read`,
  import: `用法 Usage: gongkai import <file> [--out <path>|-] [--force] [--content <dir>]

读入一份报告（PDF 提取的文本、含 HTML 表格的网页、任意 Markdown；UTF-8 或 GB18030），
写出规范格式的报告：YAML 前置元数据、六个标准部分、规范的表格。行数值缺失时，仅当唯一一种补全
使全部勾稽关系成立才补全，并在前置元数据中逐格记录；否则原样保留并列出各种可能。原文不会丢失：
无法归位的文字原样保留在所在部分，并给出警告。
Reads a report as received (text from a PDF, a web page with HTML tables, any Markdown; UTF-8 or
GB18030) and writes it in the canonical layout: YAML front matter, the six standard sections, the
tables in canonical form. Where rows lost a value, they are completed only if exactly one completion
makes every rule hold, each filled value recorded in the front matter; otherwise they stay as read
and the candidates are listed. No text is dropped: what cannot be placed stays in its section, with
a warning.

  --out <path>     写到此处（- 为标准输出）；默认 <content>/reports/<机构代码>/<年度>.md
                   where to write (- for standard output); default <content>/reports/<slug>/<year>.md
  --force          覆盖已有文件 / overwrite an existing file
  --content <dir>  内容目录（默认 content）/ the content folder (default content)

退出码 Exit: 0 已写出且无错误 written, no errors · 1 已写出，仍有错误需修改 written, errors remain · 2 未写出 not written`,
  fmt: `用法 Usage: gongkai fmt [--check] <file|dir>...

把报告改写为规范格式：不改动任何数值，重复执行结果不变。
Rewrites reports in the canonical layout: no value ever changes, and running it twice equals running it once.
  --check  只检查，不改写；有文件需要改写时退出码为 1（供 CI 使用）
           check only: exit 1 when a file would change (for CI)`,
  new: `用法 Usage: gongkai new --agency <名称或代码 name or slug> --year <N> [--format 2019|2021] [--out <path>|-] [--force]

新建一份空白报告：六个标准部分标题和所选格式的空白表格（默认 2021 格式），供填写。
Starts a new report: the six standard headings and the chosen format's tables, every cell blank (default 2021), ready to fill in.`,
  schema: `用法 Usage: gongkai schema

输出报告数据模型的 JSON Schema（由 Zod 模式生成）。
Prints the JSON Schema of the report model (generated from the Zod schemas).`,
  build: `用法 Usage: gongkai build [--content <dir>] [--out <dir>] [--serve [--port <n>]]

从 content/ 生成中英文网站到 _site/：报告页、机关页、年度页、数据下载、搜索索引。有校验错误的报告不会发布：
列出错误并以退出码 1 结束。--serve 时在 http://localhost:8080（或 --port 指定的端口）预览并随内容更新。
Builds the bilingual site from content/ into _site/: report, agency and year pages, downloads, the
search index. A report with validation errors is not published: the errors are listed and the build
exits 1. With --serve, serves it at http://localhost:8080 (or --port) and rebuilds on change.`,
};
