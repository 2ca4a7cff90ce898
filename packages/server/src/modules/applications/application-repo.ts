import { and, asc, eq, inArray } from 'drizzle-orm';
import { FINAL_STATUSES, type ApplicationStatus } from '@yunzheng/domain';
import { applicationActions, applicationMaterials, applications } from '../../db/schema';
import type { Queryable } from '../../db/transaction';
import { notFound } from '../../http/problem';

export type ApplicationRow = typeof applications.$inferSelect;
export type MaterialRow = typeof applicationMaterials.$inferSelect;

/** The caller's own application, or 404 for everything else (someone else's, or none). */
export async function ownApplication(db: Queryable, citizenId: string, id: string): Promise<ApplicationRow> {
  const [row] = await db.select().from(applications).where(and(eq(applications.id, id), eq(applications.citizenId, citizenId)));
  if (!row) throw notFound('办件不存在');
  return row;
}

export function materialsOf(db: Queryable, applicationId: string): Promise<MaterialRow[]> {
  return db.select().from(applicationMaterials).where(eq(applicationMaterials.applicationId, applicationId)).orderBy(asc(applicationMaterials.uploadedAt));
}

export function actionsOf(db: Queryable, applicationId: string) {
  return db.select().from(applicationActions).where(eq(applicationActions.applicationId, applicationId)).orderBy(asc(applicationActions.id));
}

/** Submitted, not yet final applications on a certificate: "one open application per certificate and service". */
export async function openApplicationsOn(db: Queryable, certificateId: string) {
  const rows = await db.select({ service: applications.service, applyNo: applications.applyNo, status: applications.status }).from(applications).where(eq(applications.certificateId, certificateId));
  return rows
    .filter((r) => r.status !== 'DRAFT' && !FINAL_STATUSES.includes(r.status as ApplicationStatus))
    .map((r) => ({ service: r.service as never, applyNo: r.applyNo ?? '' }));
}

export function applicationsByIds(db: Queryable, ids: string[]) {
  return ids.length === 0 ? Promise.resolve([]) : db.select().from(applications).where(inArray(applications.id, ids));
}
