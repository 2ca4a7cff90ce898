import { eq } from 'drizzle-orm';
import type { FastifyRequest } from 'fastify';
import {
  checkIdCardValidity,
  idCardValidityMessages,
  idNumberMessages,
  maskIdNumber,
  parseResidentIdNumber,
  realNameMessages,
  shanghaiDate,
  type FieldError,
  type IdCardValidityProblem,
} from '@yunzheng/domain';
import type { AppContext } from '../../context';
import { citizens } from '../../db/schema';
import { inTransaction } from '../../db/transaction';
import { AppError } from '../../http/problem';
import { appendAudit, recordAudit } from '../audit/audit-log';
import { findCitizen, findCitizenByIdNumber, isUniqueViolation } from './citizens-repo';

export interface RealNameInput {
  name: string;
  idNumber: string;
  validFrom: string;
  validTo: string;
}

/** Which field a validity problem belongs to, so the message appears next to it. */
const VALIDITY_FIELD: Record<IdCardValidityProblem, string> = {
  VALID_FROM_INVALID: 'validFrom',
  VALID_FROM_TOO_EARLY: 'validFrom',
  VALID_FROM_BEFORE_BIRTH: 'validFrom',
  VALID_FROM_IN_FUTURE: 'validFrom',
  VALID_TO_INVALID: 'validTo',
  VALID_TO_NOT_AFTER_FROM: 'validTo',
  TEMPORARY_CARD: 'validTo',
  LONG_TERM_TOO_YOUNG: 'validTo',
  LONG_TERM_EXPECTED: 'validTo',
  TERM_MISMATCH: 'validTo',
  EXPIRED: 'validTo',
};

function invalid(field: string, message: string, code: 'YZ-GEN-422' | 'YZ-ACC-007' = 'YZ-GEN-422'): AppError {
  const errors: FieldError[] = [{ field, message }];
  return new AppError(code, message, errors);
}

/**
 * 实名认证: local checks first (GB 11643 number, validity by age, not expired, not temporary), then one ID per
 * account, then the identity-verification adapter. Every outcome is audited (with the ID masked).
 */
export async function verifyRealName(ctx: AppContext, request: FastifyRequest, citizenId: string, input: RealNameInput): Promise<void> {
  const citizen = await findCitizen(ctx.db, citizenId);
  if (!citizen) throw new AppError('YZ-GEN-401');
  if (citizen.realNameStatus === 'VERIFIED') throw new AppError('YZ-ACC-011');

  const now = ctx.clock.now();
  const today = shanghaiDate(now);
  const id = parseResidentIdNumber(input.idNumber, today);
  if (!id.ok) throw invalid('idNumber', idNumberMessages[id.problem]);
  const validity = checkIdCardValidity({ birthDate: id.value.birthDate, validFrom: input.validFrom, validTo: input.validTo, today });
  if (!validity.ok) throw invalid(VALIDITY_FIELD[validity.problem], idCardValidityMessages[validity.problem]);

  const audit = (outcome: 'SUCCESS' | 'FAILURE', result: string) => ({
    actorType: 'CITIZEN' as const,
    actorId: citizenId,
    action: 'REALNAME_VERIFY',
    objectType: 'citizen',
    objectId: citizenId,
    outcome,
    ip: request.ip,
    details: { result, idNumber: maskIdNumber(id.value.number), verifier: ctx.identity.kind },
  });

  const holder = await findCitizenByIdNumber(ctx.db, ctx, id.value.number);
  if (holder && holder.id !== citizenId) {
    await recordAudit(ctx.db, audit('FAILURE', 'ID_ALREADY_BOUND'), now);
    throw new AppError('YZ-ACC-006', '该身份证号已被其他账号实名认证。如非本人操作，请联系管理部门', [{ field: 'idNumber', message: '该身份证号已被其他账号实名认证' }]);
  }

  const outcome = await ctx.identity.verify({ name: input.name, idNumber: id.value.number, validFrom: input.validFrom, validTo: validity.value.validTo });
  if (outcome !== 'MATCH') {
    await recordAudit(ctx.db, audit('FAILURE', outcome), now);
    if (outcome === 'UNAVAILABLE') throw new AppError('YZ-ACC-008', realNameMessages.UNAVAILABLE);
    const field = outcome === 'VALIDITY_MISMATCH' || outcome === 'EXPIRED' ? 'validTo' : outcome === 'MISMATCH' ? 'name' : 'idNumber';
    throw invalid(field, realNameMessages[outcome], 'YZ-ACC-007');
  }

  try {
    await inTransaction(ctx.db, async (tx) => {
      await tx
        .update(citizens)
        .set({
          realNameStatus: 'VERIFIED',
          name: input.name,
          idNumberEnc: ctx.cipher.encrypt(id.value.number),
          idNumberBidx: ctx.cipher.blindIndex('id', id.value.number),
          sex: id.value.sex,
          birthDate: id.value.birthDate,
          idValidFrom: input.validFrom,
          idValidTo: validity.value.validTo,
          realNameVerifiedAt: now,
        })
        .where(eq(citizens.id, citizenId));
      await appendAudit(tx, audit('SUCCESS', 'MATCH'), now);
    });
  } catch (error) {
    if (isUniqueViolation(error)) throw new AppError('YZ-ACC-006', '该身份证号已被其他账号实名认证', [{ field: 'idNumber', message: '该身份证号已被其他账号实名认证' }]);
    throw error;
  }
}
