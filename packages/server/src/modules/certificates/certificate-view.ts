import {
  cycleContaining,
  deriveValidityState,
  gradeFor,
  lastEndedCycle,
  maskIdNumber,
  nextStepHint,
  totalPointsIn,
  validityStateNames,
  type RecordedStatus,
} from '@yunzheng/domain';
import type { AppContext } from '../../context';
import { authorities } from '../../db/schema';
import { categoriesOf, categoryName, integrityRecordsOf, isDriverCategory, type CertificateRow } from './registry';

/**
 * What 我的证件 shows of a bound certificate: categories with their validity state in words and what the holder can
 * do next; for driver categories, the current and last ended assessment cycle with points, and past grades.
 */
export async function certificateView(ctx: AppContext, cert: CertificateRow, today: string) {
  const [categories, { points, results }, authorityRows] = await Promise.all([categoriesOf(ctx.db, [cert.id]), integrityRecordsOf(ctx.db, cert.id), ctx.db.select().from(authorities)]);
  const authorityName = (code: string) => authorityRows.find((a) => a.code === code)?.name ?? code;
  return {
    id: cert.id,
    certNo: cert.certNo,
    holderName: cert.holderName,
    holderIdMasked: maskIdNumber(ctx.cipher.decrypt(cert.holderIdEnc)),
    sex: cert.sex,
    birthDate: cert.birthDate,
    issuingAuthority: authorityName(cert.issuingAuthorityCode),
    employerName: cert.employerName,
    employerUscc: cert.employerUscc,
    archiveNo: cert.archiveNo,
    status: cert.status,
    boundAt: cert.boundAt?.toISOString() ?? null,
    categories: categories
      .sort((a, b) => a.code.localeCompare(b.code))
      .map((c) => {
        const status = c.status as RecordedStatus;
        const state = deriveValidityState(status, c.validTo, today);
        const driver = isDriverCategory(c.code);
        const categoryPoints = points.filter((p) => p.categoryCode === c.code);
        const cycle = (n: ReturnType<typeof cycleContaining>) =>
          n && { number: n.number, start: n.start, end: n.end, totalPoints: totalPointsIn(n, categoryPoints), suggestedGrade: gradeFor(totalPointsIn(n, categoryPoints)) };
        const ended = driver ? lastEndedCycle(c.firstIssueDate, today) : undefined;
        return {
          code: c.code,
          name: categoryName(c.code),
          firstIssueDate: c.firstIssueDate,
          issueDate: c.issueDate,
          validTo: c.validTo,
          state,
          stateName: validityStateNames[state],
          nextStep: nextStepHint(status, c.validTo, today),
          integrity: driver
            ? {
                currentCycle: cycle(cycleContaining(c.firstIssueDate, today)),
                lastEndedCycle: cycle(ended),
                lastEndedCycleAssessed: ended !== undefined && results.some((r) => r.categoryCode === c.code && r.cycleNo === ended.number),
                results: results
                  .filter((r) => r.categoryCode === c.code)
                  .map((r) => ({ cycleNo: r.cycleNo, cycleStart: r.cycleStart, cycleEnd: r.cycleEnd, totalPoints: r.totalPoints, grade: r.grade, gradedOn: r.gradedOn, authority: authorityName(r.authorityCode) })),
                points: categoryPoints.map((p) => ({ occurredOn: p.occurredOn, indicator: p.indicator, points: p.points, decisionNo: p.decisionNo, status: p.status })),
              }
            : null,
        };
      }),
  };
}

export type CertificateView = Awaited<ReturnType<typeof certificateView>>;
