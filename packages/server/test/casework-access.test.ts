import { after, before, describe, it } from 'node:test';
import assert from 'node:assert/strict';
import fc from 'fast-check';
import { eq } from 'drizzle-orm';
import { caseAccess, decideStaffAction, type ApplicationStatus, type ServiceCode, type StaffRole } from '@yunzheng/domain';
import { seedDemo } from '../src/demo/seed';
import { applications } from '../src/db/schema';
import { DEMO_STAFF } from '../src/demo/demo-data';
import { allAuthorities, subtreeCodes } from '../src/modules/staff/staff-repo';
import { createTestApp, type TestApp } from './support/app';
import { submittedApplication, submittedRenewal } from './support/applications';
import { testDatabaseKinds } from './support/databases';
import { caseWorker, staffSignIn } from './support/staff';
import type { TestClient } from './support/client';

const ACTIONS = ['ACCEPT', 'REJECT', 'REQUEST_CORRECTION', 'START_REVIEW', 'APPROVE', 'DENY', 'GRADE', 'PRODUCE', 'READY_FOR_PICKUP', 'MAIL', 'COLLECT', 'COMPLETE'] as const;

/**
 * Issue 6's access rules as a property over the real server: random staff (every demo account: each role, the
 * province, a city, two counties) × cases of two authorities in several statuses × every staff action. Nobody has
 * claimed these cases, so an allowed action answers "请先认领" and nothing changes — the property can run on.
 */
for (const kind of testDatabaseKinds()) {
  describe(`case access as a property, over HTTP, on ${kind}`, () => {
    let t: TestApp;
    const clients = new Map<string, TestClient>();
    const cases: { id: string }[] = [];
    before(async () => {
      t = await createTestApp(kind);
      await seedDemo(t.ctx, { withStaff: true, practitioners: 10 });
      const secrets = new Map<string, string>();
      // 余杭: a 换发 taken to 审核通过, an 诚信考核 under review; 鄞州: a fresh 换发 and a 诚信考核 accepted.
      const renewal = (await submittedRenewal(t, 1)).application;
      const yuhang = { intake: await caseWorker(t, 'shouli', secrets), reviewer: await caseWorker(t, 'shenhe', secrets) };
      await yuhang.intake.steps(renewal.id, { action: 'ACCEPT' });
      await yuhang.reviewer.steps(renewal.id, { action: 'START_REVIEW' }, { action: 'APPROVE' });
      await yuhang.reviewer.client.post(`/api/admin/cases/${renewal.id}/release`);
      const graded = (await submittedApplication(t, 6, { service: 'INTEGRITY_ASSESSMENT', categoryCodes: ['PASSENGER_DRIVER'], personal: { serviceFields: {} } })).application;
      await yuhang.intake.steps(graded.id, { action: 'ACCEPT' });
      await yuhang.reviewer.steps(graded.id, { action: 'START_REVIEW' });
      await yuhang.reviewer.client.post(`/api/admin/cases/${graded.id}/release`);
      const fresh = (await submittedApplication(t, 2, { service: 'RENEW', categoryCodes: ['FREIGHT_DRIVER'], personal: { collectionMethod: 'PICKUP', serviceFields: {} } })).application;
      const accepted = (await submittedApplication(t, 7, { service: 'INTEGRITY_ASSESSMENT', categoryCodes: ['FREIGHT_DRIVER'], personal: { serviceFields: {} } })).application;
      const yinzhou = await caseWorker(t, 'yinzhou', secrets);
      await yinzhou.steps(accepted.id, { action: 'ACCEPT' });
      await yinzhou.client.post(`/api/admin/cases/${accepted.id}/release`);
      cases.push(renewal, graded, fresh, accepted);
      for (const s of DEMO_STAFF) clients.set(s.username, (await staffSignIn(t, s.username, undefined, secrets)).client);
    });
    after(async () => t.close());

    it('answers 404 / 409 / 请先认领 exactly as the rules say, for the case page and every action', async () => {
      const authorities = await allAuthorities(t.ctx.db);
      await fc.assert(
        fc.asyncProperty(fc.constantFrom(...DEMO_STAFF), fc.integer({ min: 0, max: 3 }), fc.constantFrom(...ACTIONS), async (staff, caseIndex, action) => {
          const [row] = await t.ctx.db.select().from(applications).where(eq(applications.id, cases[caseIndex]!.id));
          const own = authorities.find((a) => a.code === staff.authorityCode)!;
          const below = subtreeCodes(authorities, own.code);
          below.delete(own.code);
          const access = caseAccess({ authorityCode: own.code, authorityLevel: own.level, roles: staff.roles as StaffRole[] }, row!.handlingAuthorityCode!, below);
          const client = clients.get(staff.username)!;
          const page = await client.get(`/api/admin/cases/${row!.id}`);
          const isAuditor = staff.roles.includes('AUDITOR');
          assert.equal(page.statusCode, isAuditor ? 403 : access === 'NONE' ? 404 : 200, `${staff.username} page`);
          const answer = await client.post(`/api/admin/applications/${row!.id}/actions`, { action });
          const decision = decideStaffAction(access, staff.roles as StaffRole[], row!.service as ServiceCode, row!.status as ApplicationStatus, action);
          if (decision === 'NOT_FOUND') assert.equal(answer.statusCode, 404, `${staff.username} ${action} on ${row!.status}`);
          else if (decision === 'WRONG_STATUS') assert.match(answer.json().detail, /^当前状态下不能/, `${staff.username} ${action}`);
          else assert.match(answer.json().detail, /请先认领/, `${staff.username} ${action}`);
          const [unchanged] = await t.ctx.db.select().from(applications).where(eq(applications.id, row!.id));
          assert.equal(unchanged!.status, row!.status);
        }),
        { numRuns: 60 },
      );
    });
  });
}
