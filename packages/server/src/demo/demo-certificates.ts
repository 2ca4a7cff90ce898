import {
  addDays,
  addYears,
  assessmentCycle,
  CATEGORY_CODES,
  DRIVER_CATEGORIES,
  expectedValidTo,
  gradeFor,
  idCheckCharacter,
  lastEndedCycle,
  usccCheckCharacter,
  type CategoryCode,
  type RecordedStatus,
} from '@yunzheng/domain';
import type { CertificateRecord } from '../modules/certificates/registry';
import { DEMO_RESIDENTS, type DemoResident } from './demo-data';

/**
 * Synthetic practitioners for the demo (and for tests): a few hundred people over the five categories and the demo
 * authorities, each also in the resident registry, with certificates in every state the product must handle —
 * valid, expiring in 10 days, expired 30 days, expired 200 days, cancelled — and drivers with and without points,
 * some whose assessment cycle has just ended. Dates are relative to the day of seeding; the generator is seeded,
 * so the same people come back every time.
 */
export interface DemoPointRecord {
  certNo: string;
  categoryCode: CategoryCode;
  occurredOn: string;
  indicator: string;
  points: number;
  decisionNo: string;
}

export interface DemoAssessment {
  certNo: string;
  categoryCode: CategoryCode;
  cycleNo: number;
  cycleStart: string;
  cycleEnd: string;
  totalPoints: number;
  grade: 'AAA' | 'AA' | 'A' | 'B';
  gradedOn: string;
  authorityCode: string;
}

export interface DemoRegistry {
  residents: DemoResident[];
  certificates: CertificateRecord[];
  points: DemoPointRecord[];
  assessments: DemoAssessment[];
}

type Scenario = 'VALID' | 'EXPIRING_10' | 'EXPIRED_30' | 'EXPIRED_200' | 'CANCELLED';

const SURNAMES = '王李张刘陈杨黄赵吴周徐孙马朱胡郭何林罗高郑梁谢宋唐许韩冯邓曹彭曾萧田董潘袁蔡蒋余于杜叶程魏苏吕丁任沈姚卢';
const GIVEN = ['伟', '强', '磊', '军', '勇', '杰', '涛', '明', '超', '平', '刚', '辉', '鹏', '华', '飞', '斌', '建华', '建国', '志刚', '海峰', '立新', '春生', '国庆', '永红', '秀英', '丽', '敏', '静', '燕', '红梅', '玉兰', '桂英'];
const COUNTIES = ['330106', '330110', '330212', '330282', '330102', '330105', '330108', '330203', '330205', '330281'];
const AUTHORITY_FOR_COUNTY: Record<string, string> = { '330106': '330106', '330110': '330110', '330212': '330212', '330282': '330282' };
const INDICATORS: { text: string; points: number }[] = [
  { text: '发生一般道路交通事故，负同等以上责任', points: 3 },
  { text: '驾驶营运车辆超速百分之二十以上', points: 5 },
  { text: '擅自改变客运车辆运行线路', points: 5 },
  { text: '未按规定使用卫星定位装置', points: 10 },
  { text: '发生较大道路交通事故，负同等以上责任', points: 20 },
  { text: '未随车携带从业资格证', points: 1 },
];
const COMPANIES = ['杭州顺达物流有限公司', '宁波港通运输有限公司', '浙江安运危险品运输有限公司', '杭州公交集团有限公司', '慈溪市联运汽车运输有限公司', '余杭捷运货运有限公司'];

/** mulberry32: a small seeded generator, so the demo people are the same on every machine. */
function random(seed: number) {
  let a = seed;
  return () => {
    a = (a + 0x6d2b79f5) | 0;
    let t = Math.imul(a ^ (a >>> 15), 1 | a);
    t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t;
    return ((t ^ (t >>> 14)) >>> 0) / 4_294_967_296;
  };
}

export function demoUscc(index: number): string {
  const first17 = `913301${String(index + 10).padStart(2, '0')}MA2${String(index * 7919 + 1000).padStart(6, '0').slice(0, 6)}0`.slice(0, 17);
  return first17 + usccCheckCharacter(first17);
}

function residentFor(name: string, county: string, birth: string, sequence: number, issuedYearsAgo: number, today: string): DemoResident {
  const first17 = `${county}${birth.replaceAll('-', '')}${String(sequence).padStart(3, '0')}`;
  const idNumber = first17 + idCheckCharacter(first17);
  const validFrom = addDays(today, -Math.round(issuedYearsAgo * 365));
  return { name, idNumber, validFrom, validTo: expectedValidTo(birth, validFrom) };
}

/** Sets the first issue date's anniversary a few days back, so that an assessment cycle has just ended. */
function firstIssueWithCycleJustEnded(today: string, yearsAgo: number, daysAgo: number): string {
  return addYears(addDays(today, -daysAgo), -yearsAgo);
}

function validToFor(scenario: Scenario, today: string, spreadDays: number): string {
  switch (scenario) {
    case 'EXPIRING_10':
      return addDays(today, 10);
    case 'EXPIRED_30':
      return addDays(today, -30);
    case 'EXPIRED_200':
      return addDays(today, -200);
    default:
      return addDays(today, 60 + spreadDays);
  }
}

/** The README people: a fixed scenario each, so a person trying the system knows what to expect. */
const README_SCENARIOS: { categories: CategoryCode[]; scenario: Scenario; points?: number[]; cycleJustEnded?: boolean }[] = [
  { categories: ['FREIGHT_DRIVER', 'DG_DRIVER'], scenario: 'VALID', points: [3, 5], cycleJustEnded: true }, // 张建国
  { categories: ['PASSENGER_DRIVER'], scenario: 'EXPIRING_10' }, // 李秀英
  { categories: ['FREIGHT_DRIVER'], scenario: 'EXPIRED_30' }, // 王志强
  { categories: ['DG_ESCORT'], scenario: 'VALID' }, // 刘海燕
  { categories: ['FREIGHT_DRIVER'], scenario: 'EXPIRED_200' }, // 陈国平
  { categories: ['DG_DRIVER', 'DG_LOADING'], scenario: 'CANCELLED' }, // 杨军 (装卸 cancelled, driver valid)
  { categories: ['PASSENGER_DRIVER'], scenario: 'VALID', cycleJustEnded: true }, // 赵丽娟
  { categories: ['FREIGHT_DRIVER'], scenario: 'VALID', points: [20], cycleJustEnded: true }, // 黄伟
  { categories: ['DG_LOADING'], scenario: 'VALID' }, // 周明
  // 吴红梅 holds no certificate
];

export function demoRegistry(today: string, count = 300): DemoRegistry {
  const next = random(20_261_124);
  const pick = <T>(list: readonly T[]) => list[Math.floor(next() * list.length)]!;
  const registry: DemoRegistry = { residents: [], certificates: [], points: [], assessments: [] };
  const scenarios: Scenario[] = ['VALID', 'VALID', 'EXPIRING_10', 'EXPIRED_30', 'EXPIRED_200', 'CANCELLED'];

  const add = (resident: DemoResident, index: number, categories: CategoryCode[], scenario: Scenario, options: { points?: number[]; cycleJustEnded?: boolean }) => {
    const county = resident.idNumber.slice(0, 6);
    const authorityCode = AUTHORITY_FOR_COUNTY[county] ?? (county.startsWith('3302') ? '330200' : '330100');
    const certNo = `${county}${String(2000 + (index % 20)).padStart(4, '0')}${String(index + 1).padStart(6, '0')}`;
    const birth = `${resident.idNumber.slice(6, 10)}-${resident.idNumber.slice(10, 12)}-${resident.idNumber.slice(12, 14)}`;
    const validTo = validToFor(scenario, today, Math.floor(next() * 1_500));
    const issueDate = addYears(validTo, -6);
    const renewals = Math.floor(next() * 2);
    const firstIssue = options.cycleJustEnded ? firstIssueWithCycleJustEnded(today, 6 * renewals + 3, 3 + (index % 10)) : addYears(issueDate, -6 * renewals);
    const company = index % 4 === 3 ? undefined : index % COMPANIES.length;
    registry.residents.push(resident);
    registry.certificates.push({
      certNo,
      holderIdNumber: resident.idNumber,
      holderName: resident.name,
      sex: Number(resident.idNumber[16]) % 2 === 1 ? 'M' : 'F',
      birthDate: birth,
      issuingAuthorityCode: authorityCode,
      employerName: company === undefined ? null : COMPANIES[company]!,
      employerUscc: company === undefined ? null : demoUscc(company),
      archiveNo: `ZJ${certNo.slice(-8)}`,
      categories: categories.map((code, i) => ({
        code,
        firstIssueDate: firstIssue > issueDate ? issueDate : firstIssue,
        issueDate,
        validTo,
        // In the cancelled scenario the last category is cancelled; with one category, the whole card.
        status: (scenario === 'CANCELLED' && i === categories.length - 1 ? 'CANCELLED' : 'VALID') as RecordedStatus,
      })),
    });
    for (const code of categories.filter((c) => DRIVER_CATEGORIES.includes(c))) {
      const first = firstIssue > issueDate ? issueDate : firstIssue;
      const ended = lastEndedCycle(first, today);
      if (!ended) continue;
      // Points in the cycle that just ended (to be assessed) …
      for (const [k, points] of (options.points ?? []).entries()) {
        const indicator = INDICATORS.find((x) => x.points === points) ?? INDICATORS[0]!;
        registry.points.push({ certNo, categoryCode: code, occurredOn: addDays(ended.start, 40 + 70 * k), indicator: indicator.text, points, decisionNo: `浙交执罚〔${ended.start.slice(0, 4)}〕${1000 + index * 3 + k}号` });
      }
      // … and the earlier cycles already graded.
      for (let n = Math.max(1, ended.number - 2); n < ended.number; n++) {
        const cycle = assessmentCycle(first, n);
        const total = index % 7 === 0 && n === ended.number - 1 ? 5 : 0;
        registry.assessments.push({ certNo, categoryCode: code, cycleNo: n, cycleStart: cycle.start, cycleEnd: cycle.end, totalPoints: total, grade: gradeFor(total), gradedOn: addDays(cycle.end, 12), authorityCode });
      }
    }
  };

  README_SCENARIOS.forEach((s, i) => add(DEMO_RESIDENTS[i]!, i, s.categories, s.scenario, s));
  for (let i = README_SCENARIOS.length; i < count; i++) {
    const county = pick(COUNTIES);
    const birthYear = 1966 + Math.floor(next() * 34);
    const birth = `${birthYear}-${String(1 + Math.floor(next() * 12)).padStart(2, '0')}-${String(1 + Math.floor(next() * 28)).padStart(2, '0')}`;
    const name = pick(SURNAMES.split('')) + pick(GIVEN);
    const resident = residentFor(name, county, birth, 100 + i, 1 + next() * 7, today);
    const primary = CATEGORY_CODES[i % CATEGORY_CODES.length]!;
    const categories: CategoryCode[] = primary === 'FREIGHT_DRIVER' && i % 3 === 0 ? ['FREIGHT_DRIVER', 'DG_DRIVER'] : [primary];
    const scenario = scenarios[i % scenarios.length]!;
    const withPoints = DRIVER_CATEGORIES.includes(primary) && i % 5 < 2;
    add(resident, i, categories, scenario, { cycleJustEnded: i % 4 === 0, ...(withPoints && { points: [pick(INDICATORS).points] }) });
  }
  return registry;
}
