import { parse } from 'csv-parse/sync';
import {
  CATEGORIES,
  checkUscc,
  idNumberMessages,
  isLocalDate,
  parseResidentIdNumber,
  usccMessages,
  type CategoryCode,
  type RecordedStatus,
} from '@yunzheng/domain';
import type { CertificateRecord } from './registry';

/**
 * The legacy-export format of `import-certificates` (documented in docs/import-certificates.md): one row per
 * certificate category, UTF-8 with or without BOM, or GBK, with this header:
 *
 *   证号,姓名,身份证号,从业资格类别,初次领证日期,发证日期,有效期至,类别状态,发证机关代码,服务单位名称,统一社会信用代码,档案号
 *
 * Rows of one 证号 form one certificate; a certificate is imported whole or not at all.
 */
export const IMPORT_COLUMNS = ['证号', '姓名', '身份证号', '从业资格类别', '初次领证日期', '发证日期', '有效期至', '类别状态', '发证机关代码', '服务单位名称', '统一社会信用代码', '档案号'] as const;

const STATUS_BY_LABEL: Record<string, RecordedStatus> = { '': 'VALID', 有效: 'VALID', 注销: 'CANCELLED', 已注销: 'CANCELLED', 吊销: 'REVOKED', 已吊销: 'REVOKED', 作废: 'VOID', 已作废: 'VOID' };

export interface RejectedRow {
  line: number;
  certNo: string;
  reason: string;
}

/** Legacy exports come as UTF-8 or GBK; anything that is not valid UTF-8 is read as GBK. */
export function decodeCsv(bytes: Uint8Array): string {
  try {
    return new TextDecoder('utf-8', { fatal: true }).decode(bytes);
  } catch {
    return new TextDecoder('gbk').decode(bytes);
  }
}

function categoryCode(value: string): CategoryCode | undefined {
  const normalized = value.replace(/[（）]/g, (c) => (c === '（' ? '(' : ')')).trim();
  return CATEGORIES.find((c) => c.code === normalized || c.name === normalized)?.code;
}

interface ParsedRow {
  line: number;
  certNo: string;
  record: Omit<CertificateRecord, 'categories'>;
  category: CertificateRecord['categories'][number];
}

function parseRow(cells: Record<string, string>, line: number, today: string, knownAuthorities: Set<string>): ParsedRow | RejectedRow {
  const get = (column: (typeof IMPORT_COLUMNS)[number]) => (cells[column] ?? '').trim();
  const certNo = get('证号').toUpperCase();
  const reject = (reason: string): RejectedRow => ({ line, certNo, reason });
  if (!/^[0-9A-Z-]{6,32}$/.test(certNo)) return reject('证号应为6至32位数字或字母');
  const name = get('姓名');
  if (name.length < 2 || name.length > 30) return reject('姓名应为2至30个字');
  const id = parseResidentIdNumber(get('身份证号'), today);
  if (!id.ok) return reject(idNumberMessages[id.problem]);
  const code = categoryCode(get('从业资格类别'));
  if (!code) return reject(`从业资格类别“${get('从业资格类别')}”不存在，应为：${CATEGORIES.map((c) => c.name).join('、')}`);
  const [firstIssueDate, issueDate, validTo] = [get('初次领证日期'), get('发证日期'), get('有效期至')];
  for (const [label, value] of [['初次领证日期', firstIssueDate], ['发证日期', issueDate], ['有效期至', validTo]] as const) {
    if (!isLocalDate(value)) return reject(`${label}“${value}”不是有效的日期（格式 YYYY-MM-DD）`);
  }
  if (issueDate < firstIssueDate) return reject('发证日期早于初次领证日期');
  if (validTo <= issueDate) return reject('有效期至应晚于发证日期');
  if (firstIssueDate < id.value.birthDate) return reject('初次领证日期早于出生日期');
  const status = STATUS_BY_LABEL[get('类别状态')];
  if (!status) return reject(`类别状态“${get('类别状态')}”不正确，应为 有效、注销、吊销 或 作废`);
  const authority = get('发证机关代码');
  if (!knownAuthorities.has(authority)) return reject(`发证机关代码“${authority}”不存在`);
  const uscc = get('统一社会信用代码').toUpperCase();
  if (uscc) {
    const problem = checkUscc(uscc);
    if (problem) return reject(usccMessages[problem]);
  }
  return {
    line,
    certNo,
    record: {
      certNo,
      holderIdNumber: id.value.number,
      holderName: name,
      sex: id.value.sex,
      birthDate: id.value.birthDate,
      issuingAuthorityCode: authority,
      employerName: get('服务单位名称') || null,
      employerUscc: uscc || null,
      archiveNo: get('档案号') || null,
    },
    category: { code, firstIssueDate, issueDate, validTo, status },
  };
}

/** Checks every row; groups the good ones by 证号; a certificate with any bad row is rejected whole. */
export function parseCertificateCsv(text: string, today: string, knownAuthorities: Set<string>): { certificates: { lines: number[]; record: CertificateRecord }[]; rejected: RejectedRow[] } {
  let rows: Record<string, string>[];
  try {
    rows = parse(text, { bom: true, columns: true, skip_empty_lines: true, trim: true, relax_column_count: true }) as Record<string, string>[];
  } catch (error) {
    return { certificates: [], rejected: [{ line: 0, certNo: '', reason: `文件不是有效的CSV：${(error as Error).message}` }] };
  }
  const missing = IMPORT_COLUMNS.filter((c) => rows.length > 0 && !(c in rows[0]!));
  if (missing.length > 0) return { certificates: [], rejected: [{ line: 1, certNo: '', reason: `缺少列：${missing.join('、')}` }] };

  const rejected: RejectedRow[] = [];
  const groups = new Map<string, ParsedRow[]>();
  rows.forEach((cells, index) => {
    const parsed = parseRow(cells, index + 2, today, knownAuthorities);
    if ('reason' in parsed) rejected.push(parsed);
    else groups.set(parsed.certNo, [...(groups.get(parsed.certNo) ?? []), parsed]);
  });
  const badCertNos = new Set(rejected.map((r) => r.certNo));
  const certificates: { lines: number[]; record: CertificateRecord }[] = [];
  for (const [certNo, group] of groups) {
    const first = group[0]!;
    const problem = badCertNos.has(certNo)
      ? '同一证号的其他行有误，整张证件未导入'
      : group.some((g) => g.record.holderIdNumber !== first.record.holderIdNumber || g.record.holderName !== first.record.holderName)
        ? '同一证号的各行姓名或身份证号不一致'
        : new Set(group.map((g) => g.category.code)).size !== group.length
          ? '同一证号的从业资格类别重复'
          : undefined;
    if (problem) {
      for (const g of group) rejected.push({ line: g.line, certNo, reason: problem });
      continue;
    }
    certificates.push({ lines: group.map((g) => g.line), record: { ...first.record, categories: group.map((g) => g.category) } });
  }
  rejected.sort((a, b) => a.line - b.line);
  return { certificates, rejected };
}

/** The rejected-rows report: 行号,证号,原因 (UTF-8 with BOM so that spreadsheet programs show the Chinese). */
const quote = (v: string | number) => `"${String(v).replaceAll('"', '""')}"`;

export function rejectedReport(rejected: RejectedRow[]): string {
  return '\uFEFF' + ['行号,证号,原因', ...rejected.map((r) => [r.line, r.certNo, r.reason].map(quote).join(','))].join('\n') + '\n';
}
