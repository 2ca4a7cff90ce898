import { and, eq, isNull } from 'drizzle-orm';
import type { FastifyRequest } from 'fastify';
import { shanghaiDate } from '@yunzheng/domain';
import type { AppContext } from '../../context';
import { authorities, certificates } from '../../db/schema';
import { inTransaction } from '../../db/transaction';
import { AppError, notFound } from '../../http/problem';
import { appendAudit } from '../audit/audit-log';
import { findCitizen, type CitizenRow } from '../accounts/citizens-repo';
import { certificateView } from './certificate-view';
import { categoriesOf, categoryName, findBoundCertificate } from './registry';

/**
 * 我的证件 (seed guide: 个人空间 — 我的证件): the certificates held under the caller's verified ID number are offered
 * for binding; binding needs the 证号 typed in full. Nobody can bind or see a certificate of another person.
 */
async function verifiedCitizen(ctx: AppContext, citizenId: string): Promise<CitizenRow & { idNumberBidx: string }> {
  const citizen = await findCitizen(ctx.db, citizenId);
  if (!citizen) throw new AppError('YZ-GEN-401');
  if (citizen.realNameStatus !== 'VERIFIED' || !citizen.idNumberBidx) throw new AppError('YZ-ACC-010', '绑定从业资格证前，请先完成实名认证');
  return citizen as CitizenRow & { idNumberBidx: string };
}

/** `3301062019000123` → `3301********0123`: enough to recognise one's own card, not to bind it. */
export function certNoHint(certNo: string): string {
  return certNo.length <= 8 ? '*'.repeat(certNo.length) : certNo.slice(0, 4) + '*'.repeat(certNo.length - 8) + certNo.slice(-4);
}

export async function myCertificates(ctx: AppContext, request: FastifyRequest, citizenId: string) {
  const citizen = await verifiedCitizen(ctx, citizenId);
  const today = shanghaiDate(ctx.clock.now());
  const held = await ctx.db.select().from(certificates).where(eq(certificates.holderIdBidx, citizen.idNumberBidx));
  const bound = held.filter((c) => c.boundCitizenId === citizen.id);
  const bindable = held.filter((c) => c.boundCitizenId === null);
  const [categories, authorityRows] = await Promise.all([categoriesOf(ctx.db, bindable.map((c) => c.id)), ctx.db.select().from(authorities)]);
  await inTransaction(ctx.db, (tx) =>
    appendAudit(tx, { actorType: 'CITIZEN', actorId: citizen.id, action: 'CERTIFICATE_READ', objectType: 'citizen', objectId: citizen.id, outcome: 'SUCCESS', ip: request.ip, details: { bound: bound.length } }, ctx.clock.now()),
  );
  return {
    bound: await Promise.all(bound.map((c) => certificateView(ctx, c, today))),
    bindable: bindable.map((c) => ({
      id: c.id,
      certNoHint: certNoHint(c.certNo),
      issuingAuthority: authorityRows.find((a) => a.code === c.issuingAuthorityCode)?.name ?? c.issuingAuthorityCode,
      categories: categories.filter((k) => k.certificateId === c.id).map((k) => categoryName(k.code)),
    })),
  };
}

export async function bindCertificate(ctx: AppContext, request: FastifyRequest, citizenId: string, certNo: string) {
  const citizen = await verifiedCitizen(ctx, citizenId);
  const [cert] = await ctx.db.select().from(certificates).where(eq(certificates.certNo, certNo.trim().toUpperCase()));
  const now = ctx.clock.now();
  if (!cert || cert.holderIdBidx !== citizen.idNumberBidx) {
    await inTransaction(ctx.db, (tx) =>
      appendAudit(tx, { actorType: 'CITIZEN', actorId: citizen.id, action: 'CERTIFICATE_BIND', objectType: 'certificate', objectId: cert?.id ?? null, outcome: 'FAILURE', ip: request.ip, details: { reason: cert ? 'OTHER_HOLDER' : 'NO_SUCH_CERT_NO' } }, now),
    );
    const message = '未找到与您实名信息一致的该证号从业资格证，请核对证件上的证号';
    throw new AppError('YZ-GEN-404', message, [{ field: 'certNo', message }]);
  }
  if (cert.boundCitizenId === citizen.id) throw new AppError('YZ-GEN-409', '该从业资格证已绑定在您的账号下');
  await inTransaction(ctx.db, async (tx) => {
    const updated = await tx
      .update(certificates)
      .set({ boundCitizenId: citizen.id, boundAt: now })
      .where(and(eq(certificates.id, cert.id), isNull(certificates.boundCitizenId)))
      .returning({ id: certificates.id });
    if (updated.length === 0) throw new AppError('YZ-GEN-409', '该从业资格证已被绑定，如有疑问请联系发证机关');
    await appendAudit(tx, { actorType: 'CITIZEN', actorId: citizen.id, action: 'CERTIFICATE_BIND', objectType: 'certificate', objectId: cert.id, outcome: 'SUCCESS', ip: request.ip }, now);
  });
  return certificateView(ctx, { ...cert, boundCitizenId: citizen.id, boundAt: now }, shanghaiDate(now));
}

export async function myCertificate(ctx: AppContext, request: FastifyRequest, citizenId: string, certificateId: string) {
  const cert = await findBoundCertificate(ctx.db, citizenId, certificateId);
  if (!cert) throw notFound();
  await inTransaction(ctx.db, (tx) =>
    appendAudit(tx, { actorType: 'CITIZEN', actorId: citizenId, action: 'CERTIFICATE_READ', objectType: 'certificate', objectId: cert.id, outcome: 'SUCCESS', ip: request.ip }, ctx.clock.now()),
  );
  return certificateView(ctx, cert, shanghaiDate(ctx.clock.now()));
}
