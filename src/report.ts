// The whole flow for one report: bytes → text → mdast → parts → Report,
// with every problem found on the way as a located diagnostic.

import { readFile } from 'node:fs/promises';
import type { Report } from '../schemas/report.ts';
import { problem, sortDiagnostics, type Diagnostic } from './check/diagnostic.ts';
import { buildReport } from './model/build-report.ts';
import { parseMarkdown } from './parse/markdown.ts';
import { DecodeError, decode } from './read/decode.ts';
import { LIMITS } from './read/limits.ts';
import { recognise, type RecognisedReport } from './recognise/index.ts';

export type ReportResult = {
  file: string;
  /** The decoded text, LF newlines: what diagnostics' lines and columns point into. */
  text: string | null;
  report: Report | null;
  /** The parts the report was built from (narrative, metadata as read): what editing commands need. */
  recognised: RecognisedReport | null;
  diagnostics: Diagnostic[];
  /** The report cache's key for the file as read (src/cache/report-cache.ts), when it went through the cache. */
  cacheKey?: string;
};

export function checkReportText(text: string, file: string): ReportResult {
  const recognised = recognise(parseMarkdown(text), text);
  const { report, problems } = buildReport(file, recognised);
  return { file, text, report, recognised, diagnostics: sortDiagnostics(problems).map((p) => ({ file, ...p })) };
}

export function checkReportBytes(bytes: Uint8Array, file: string): ReportResult {
  if (bytes.length > LIMITS.fileBytes) {
    const p = problem('file-unreadable', { expected: `≤ ${LIMITS.fileBytes} bytes`, actual: `${bytes.length} bytes` }, {
      zh: `文件过大：${bytes.length} 字节，上限为 ${LIMITS.fileBytes} 字节（一份年度报告通常约 12 KB）`,
      en: `The file is too large: ${bytes.length} bytes, more than the limit of ${LIMITS.fileBytes} (a report is usually about 12 KB)`,
    });
    return { file, text: null, report: null, recognised: null, diagnostics: [{ file, ...p }] };
  }
  try {
    return checkReportText(decode(bytes).text, file);
  } catch (error) {
    if (!(error instanceof DecodeError)) throw error;
    const p = problem('file-unreadable', { expected: 'UTF-8 or GB18030', actual: `byte ${error.offset}` }, {
      zh: `文件无法解码：既不是有效的 UTF-8，也不是有效的 GB18030（第 ${error.offset} 字节处出错）`,
      en: `The file ${error.message}`,
    });
    return { file, text: null, report: null, recognised: null, diagnostics: [{ file, ...p }] };
  }
}

export async function checkReportFile(path: string): Promise<ReportResult> {
  let bytes: Uint8Array;
  try {
    bytes = await readFile(path);
  } catch (error) {
    const reason = (error as NodeJS.ErrnoException).code ?? 'error';
    const p = problem('file-unreadable', { actual: reason }, { zh: `无法读取文件（${reason}）`, en: `The file cannot be read (${reason})` });
    return { file: path, text: null, report: null, recognised: null, diagnostics: [{ file: path, ...p }] };
  }
  return checkReportBytes(bytes, path);
}
