import { eq } from 'drizzle-orm';
import type { FastifyRequest } from 'fastify';
import { deriveValidityState, maskIdNumber, maskName, shanghaiDate, validityStateNames, type RecordedStatus } from '@yunzheng/domain';
import type { AppContext } from '../../context';
import { authorities, certificates } from '../../db/schema';
import { inTransaction } from '../../db/transaction';
import { appendAudit } from '../audit/audit-log';
import { consumeCaptcha } from './captcha';
import { certNoHint } from './my-certificates';
import { categoriesOf, categoryName } from './registry';

/**
 * 从业资格查询 (public, like the real site): name + ID number + challenge. Shows only the masked holder, the
 * categories with validity and status. A name that does not match the ID number finds nothing. Every query is audited.
 */
export async function publicCertificateQuery(ctx: AppContext, request: FastifyRequest, input: { name: string; idNumber: string; captchaId: string; captchaAnswer: string }) {
  await consumeCaptcha(ctx, input.captchaId, input.captchaAnswer);
  const now = ctx.clock.now();
  const today = shanghaiDate(now);
  const rows = (await ctx.db.select().from(certificates).where(eq(certificates.holderIdBidx, ctx.cipher.blindIndex('id', input.idNumber)))).filter((c) => c.holderName === input.name);
  const [categories, authorityRows] = await Promise.all([categoriesOf(ctx.db, rows.map((r) => r.id)), ctx.db.select().from(authorities)]);
  await inTransaction(ctx.db, (tx) =>
    appendAudit(tx, { actorType: 'ANONYMOUS', action: 'PUBLIC_CERTIFICATE_QUERY', outcome: 'SUCCESS', ip: request.ip, details: { idNumber: maskIdNumber(input.idNumber), found: rows.length } }, now),
  );
  return {
    results: rows.map((cert) => ({
      holderName: maskName(cert.holderName),
      holderIdNumber: maskIdNumber(input.idNumber),
      certNo: certNoHint(cert.certNo),
      issuingAuthority: authorityRows.find((a) => a.code === cert.issuingAuthorityCode)?.name ?? cert.issuingAuthorityCode,
      categories: categories
        .filter((k) => k.certificateId === cert.id)
        .map((k) => {
          const state = deriveValidityState(k.status as RecordedStatus, k.validTo, today);
          return { name: categoryName(k.code), validTo: k.validTo, state, stateName: validityStateNames[state] };
        }),
    })),
  };
}
