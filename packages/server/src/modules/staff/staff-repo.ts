import { eq } from 'drizzle-orm';
import { authorities, staff } from '../../db/schema';
import type { Queryable } from '../../db/transaction';

export type StaffRow = typeof staff.$inferSelect;
export type AuthorityRow = typeof authorities.$inferSelect;

export async function findStaff(db: Queryable, id: string): Promise<StaffRow | undefined> {
  const [row] = await db.select().from(staff).where(eq(staff.id, id));
  return row;
}

export async function findStaffByUsername(db: Queryable, username: string): Promise<StaffRow | undefined> {
  const [row] = await db.select().from(staff).where(eq(staff.username, username.trim().toLowerCase()));
  return row;
}

export function allAuthorities(db: Queryable): Promise<AuthorityRow[]> {
  return db.select().from(authorities).orderBy(authorities.code);
}

/** An authority and all authorities below it (a province administrator manages its cities and counties). */
export function subtreeCodes(all: AuthorityRow[], rootCode: string): Set<string> {
  const codes = new Set([rootCode]);
  let grew = true;
  while (grew) {
    grew = false;
    for (const a of all) {
      if (a.parentCode && codes.has(a.parentCode) && !codes.has(a.code)) {
        codes.add(a.code);
        grew = true;
      }
    }
  }
  return codes;
}
