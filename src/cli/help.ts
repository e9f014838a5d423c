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

退出码 Exit: 0 无错误 no errors · 1 有错误 errors found · 2 无法运行 could not run`,
  extract: `用法 Usage: gongkai extract <file>

以 JSON 输出一份报告的结构化数据（表二、表三、表四及各单元格位置）。
Prints one report's typed data as JSON (tables 二, 三, 四 and where each cell was read).
退出码 Exit: 0 已输出 printed · 2 无法读取 could not read`,
  schema: `用法 Usage: gongkai schema

输出报告数据模型的 JSON Schema（由 Zod 模式生成）。
Prints the JSON Schema of the report model (generated from the Zod schemas).`,
  build: `用法 Usage: gongkai build [--serve]

生成网站到 _site/（--serve 时在 http://localhost:8080 预览）。
Builds the site into _site/ (with --serve, serves it at http://localhost:8080).`,
};
