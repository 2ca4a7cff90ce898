import { and, eq } from 'drizzle-orm';
import { categoryEligibility, findService, shanghaiDate, type CategoryCode, type ChangeVariantCode, type RecordedStatus, type ServiceCode } from '@yunzheng/domain';
import type { AppContext } from '../../context';
import { assessmentResults, certificates } from '../../db/schema';
import { AppError, notFound } from '../../http/problem';
import { findCitizen } from '../accounts/citizens-repo';
import { categoriesOf, categoryName } from '../certificates/registry';
import { assertVariant } from './variant';

/**
 * 证照信息 of an application: the caller's bound certificates, each category either selectable for this service
 * or disabled with the reason in words. The submission (next issue) applies the same rules again.
 */
export async function serviceEligibility(ctx: AppContext, citizenId: string, service: ServiceCode, variant: ChangeVariantCode | undefined) {
  const definition = findService(service);
  if (!definition) throw notFound();
  assertVariant(definition, variant);
  const citizen = await findCitizen(ctx.db, citizenId);
  if (!citizen) throw new AppError('YZ-GEN-401');
  if (citizen.realNameStatus !== 'VERIFIED') throw new AppError('YZ-ACC-010', '在线办理前，请先完成实名认证');
  const today = shanghaiDate(ctx.clock.now());
  const bound = await ctx.db.select().from(certificates).where(eq(certificates.boundCitizenId, citizenId));
  const categories = await categoriesOf(ctx.db, bound.map((c) => c.id));
  const results = await Promise.all(
    bound.map(async (cert) => {
      const graded = await ctx.db.select({ code: assessmentResults.categoryCode, cycleNo: assessmentResults.cycleNo }).from(assessmentResults).where(and(eq(assessmentResults.certificateId, cert.id)));
      return {
        certificateId: cert.id,
        certNo: cert.certNo,
        categories: categories
          .filter((k) => k.certificateId === cert.id)
          .map((k) => {
            const verdict = categoryEligibility(
              service,
              { code: k.code as CategoryCode, status: k.status as RecordedStatus, validTo: k.validTo, firstIssueDate: k.firstIssueDate, assessedCycles: graded.filter((g) => g.code === k.code).map((g) => g.cycleNo) },
              { today, openApplications: [] },
            );
            return {
              code: k.code,
              name: categoryName(k.code),
              validTo: k.validTo,
              selectable: verdict.selectable,
              reason: verdict.selectable ? null : verdict.reason,
              cycle: verdict.selectable && verdict.cycle ? verdict.cycle : null,
              late: verdict.selectable ? (verdict.late ?? false) : false,
            };
          }),
      };
    }),
  );
  return { service, variant: variant ?? null, certificates: results };
}
