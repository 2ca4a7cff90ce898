import { eq } from 'drizzle-orm';
import { caseAccess, type CaseAccess } from '@yunzheng/domain';
import type { AppContext } from '../../context';
import { applications } from '../../db/schema';
import type { Queryable } from '../../db/transaction';
import { notFound } from '../../http/problem';
import type { ApplicationRow } from '../applications/application-repo';
import type { StaffActor } from '../staff/staff-auth';
import { allAuthorities, subtreeCodes } from '../staff/staff-repo';

/** Where a staff member may look: their authority (act) and, at province level, the authorities below it (read). */
export async function staffScope(db: Queryable, actor: StaffActor) {
  const all = await allAuthorities(db);
  const own = all.find((a) => a.code === actor.staff.authorityCode)!;
  const below = subtreeCodes(all, own.code);
  below.delete(own.code);
  const scope = { authorityCode: own.code, authorityLevel: own.level, roles: actor.roles };
  return {
    scope,
    authorities: all,
    accessTo: (handlingAuthorityCode: string | null): CaseAccess => (handlingAuthorityCode ? caseAccess(scope, handlingAuthorityCode, below) : 'NONE'),
    /** Authorities whose cases this staff member sees at all. */
    visibleCodes: (): string[] => (caseAccess(scope, own.code, below) === 'NONE' ? [] : own.level === 'PROVINCE' ? [own.code, ...below] : [own.code]),
  };
}

/** A submitted case the staff member may see (at least `need`), else 404 — drafts are never a case. */
export async function caseFor(ctx: AppContext, actor: StaffActor, id: string, need: 'READ' | 'ACT'): Promise<{ row: ApplicationRow; access: CaseAccess }> {
  const [row] = await ctx.db.select().from(applications).where(eq(applications.id, id));
  const { accessTo } = await staffScope(ctx.db, actor);
  const access = row && row.status !== 'DRAFT' ? accessTo(row.handlingAuthorityCode) : 'NONE';
  if (!row || access === 'NONE' || (need === 'ACT' && access !== 'ACT')) throw notFound('办件不存在');
  return { row, access };
}
