import { jsonb, pgTable, text, timestamp } from 'drizzle-orm/pg-core';

/**
 * The database schema (drizzle). Migrations in ../../drizzle are generated from it with `npm run db:generate`;
 * never edit a migration that has been committed.
 *
 * Conventions: UTC `timestamptz` for instants, `date` for business dates (Asia/Shanghai), snake_case names.
 */

/** Configurable defaults (the NOT CONFIRMED rules of domain.md), keyed by name, with who changed them and when. */
export const settings = pgTable('settings', {
  key: text('key').primaryKey(),
  value: jsonb('value').notNull(),
  updatedAt: timestamp('updated_at', { withTimezone: true }).notNull().defaultNow(),
});
