import { eq, inArray } from 'drizzle-orm';
import type { FastifyRequest } from 'fastify';
import { roleConflict, type StaffRole } from '@yunzheng/domain';
import { checkPassword, passwordMessages } from '@yunzheng/domain/password-policy';
import { hashPassword, verifyPassword } from '../../adapters/crypto/passwords';
import { generatedPassword } from '../../adapters/crypto/tokens';
import type { AppContext } from '../../context';
import { staff } from '../../db/schema';
import { inTransaction, type Queryable } from '../../db/transaction';
import { AppError, notFound } from '../../http/problem';
import { appendAudit } from '../audit/audit-log';
import { revokeSubjectSessions } from '../auth/sessions';
import type { StaffActor } from './staff-auth';
import { allAuthorities, findStaff, findStaffByUsername, subtreeCodes, type StaffRow } from './staff-repo';

/**
 * Staff management by a 管理员, limited to their own authority and those below it: someone outside that tree is
 * "not found". Role changes, creation and disablement are audited; disabling ends the person's sessions at once.
 */
export function publicStaff(row: StaffRow) {
  return {
    id: row.id,
    username: row.username,
    name: row.name,
    authorityCode: row.authorityCode,
    roles: row.roles as StaffRole[],
    status: row.status,
    totpEnrolled: row.totpEnrolledAt !== null,
    createdAt: row.createdAt.toISOString(),
  };
}

async function manageableCodes(ctx: AppContext, actor: StaffActor): Promise<Set<string>> {
  return subtreeCodes(await allAuthorities(ctx.db), actor.staff.authorityCode);
}

function assertRoles(roles: StaffRole[]) {
  const conflict = roleConflict(roles);
  if (conflict) throw new AppError('YZ-GEN-422', conflict, [{ field: 'roles', message: conflict }]);
}

export async function listStaff(ctx: AppContext, actor: StaffActor) {
  const codes = [...(await manageableCodes(ctx, actor))];
  const rows = await ctx.db.select().from(staff).where(inArray(staff.authorityCode, codes)).orderBy(staff.authorityCode, staff.username);
  return rows.map(publicStaff);
}

/** Shared with the CLI that creates the first administrator. */
export async function insertStaff(
  tx: Queryable,
  ctx: AppContext,
  input: { username: string; name: string; authorityCode: string; roles: StaffRole[]; password?: string },
  createdBy: string | null,
): Promise<{ row: StaffRow; initialPassword: string }> {
  const initialPassword = input.password ?? generatedPassword();
  const [row] = await tx
    .insert(staff)
    .values({
      username: input.username.trim().toLowerCase(),
      name: input.name,
      authorityCode: input.authorityCode,
      roles: input.roles,
      passwordHash: await hashPassword(initialPassword),
      createdBy,
      createdAt: ctx.clock.now(),
      passwordChangedAt: ctx.clock.now(),
    })
    .returning();
  return { row: row!, initialPassword };
}

export async function createStaff(ctx: AppContext, request: FastifyRequest, actor: StaffActor, input: { username: string; name: string; authorityCode: string; roles: StaffRole[] }) {
  if (!(await manageableCodes(ctx, actor)).has(input.authorityCode)) {
    throw new AppError('YZ-GEN-404', '所选管理部门不存在或不在您的管辖范围内', [{ field: 'authorityCode', message: '所选管理部门不存在或不在您的管辖范围内' }]);
  }
  assertRoles(input.roles);
  if (await findStaffByUsername(ctx.db, input.username)) throw new AppError('YZ-ACC-014', '该用户名已被使用', [{ field: 'username', message: '该用户名已被使用' }]);
  const now = ctx.clock.now();
  return inTransaction(ctx.db, async (tx) => {
    const { row, initialPassword } = await insertStaff(tx, ctx, input, actor.staff.id);
    await appendAudit(tx, { actorType: 'STAFF', actorId: actor.staff.id, action: 'STAFF_CREATE', objectType: 'staff', objectId: row.id, outcome: 'SUCCESS', ip: request.ip, details: { username: row.username, authorityCode: row.authorityCode, roles: input.roles } }, now);
    return { staff: publicStaff(row), initialPassword };
  });
}

export async function updateStaff(ctx: AppContext, request: FastifyRequest, actor: StaffActor, staffId: string, change: { roles?: StaffRole[]; status?: 'ACTIVE' | 'DISABLED' }) {
  const target = await findStaff(ctx.db, staffId);
  if (!target || !(await manageableCodes(ctx, actor)).has(target.authorityCode)) throw notFound();
  if (target.id === actor.staff.id && (change.status === 'DISABLED' || (change.roles && !change.roles.includes('ADMIN')))) {
    throw new AppError('YZ-GEN-409', '不能停用自己的账号或撤销自己的管理员角色，请由其他管理员操作');
  }
  if (change.roles) assertRoles(change.roles);
  const now = ctx.clock.now();
  return inTransaction(ctx.db, async (tx) => {
    const [row] = await tx.update(staff).set(change).where(eq(staff.id, target.id)).returning();
    if (change.roles && JSON.stringify(change.roles) !== JSON.stringify(target.roles)) {
      await appendAudit(tx, { actorType: 'STAFF', actorId: actor.staff.id, action: 'STAFF_ROLE_CHANGE', objectType: 'staff', objectId: target.id, outcome: 'SUCCESS', ip: request.ip, details: { from: target.roles, to: change.roles } }, now);
    }
    if (change.status && change.status !== target.status) {
      if (change.status === 'DISABLED') await revokeSubjectSessions(tx, ctx, 'STAFF', target.id);
      await appendAudit(tx, { actorType: 'STAFF', actorId: actor.staff.id, action: change.status === 'DISABLED' ? 'STAFF_DISABLE' : 'STAFF_ENABLE', objectType: 'staff', objectId: target.id, outcome: 'SUCCESS', ip: request.ip }, now);
    }
    return publicStaff(row!);
  });
}

/** A staff member changes their own (for a new account: the generated initial) password. */
export async function changeStaffPassword(ctx: AppContext, request: FastifyRequest, actor: StaffActor, currentPassword: string, newPassword: string) {
  if (!(await verifyPassword(actor.staff.passwordHash, currentPassword))) {
    throw new AppError('YZ-ACC-001', '当前密码不正确', [{ field: 'currentPassword', message: '当前密码不正确' }]);
  }
  const problem = checkPassword(newPassword, 'staff', [actor.staff.username]);
  if (problem) {
    const message = passwordMessages[problem]('staff');
    throw new AppError('YZ-ACC-013', message, [{ field: 'newPassword', message }]);
  }
  const passwordHash = await hashPassword(newPassword);
  const now = ctx.clock.now();
  await inTransaction(ctx.db, async (tx) => {
    await tx.update(staff).set({ passwordHash, passwordChangedAt: now }).where(eq(staff.id, actor.staff.id));
    await revokeSubjectSessions(tx, ctx, 'STAFF', actor.staff.id, actor.session.id);
    await appendAudit(tx, { actorType: 'STAFF', actorId: actor.staff.id, action: 'STAFF_PASSWORD_CHANGE', objectType: 'staff', objectId: actor.staff.id, outcome: 'SUCCESS', ip: request.ip }, now);
  });
}
