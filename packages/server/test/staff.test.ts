import { after, before, describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { eq, sql } from 'drizzle-orm';
import { auditLog } from '../src/db/schema';
import { DEMO_STAFF_PASSWORD } from '../src/demo/demo-data';
import { verifyAuditChain } from '../src/modules/audit/audit-log';
import { createTestApp, type TestApp } from './support/app';
import { seed } from './support/accounts';
import { TestClient } from './support/client';
import { testDatabaseKinds } from './support/databases';
import { staffSignIn } from './support/staff';

for (const kind of testDatabaseKinds()) {
  describe(`staff sign-in, staff management and audit on ${kind}`, () => {
    let t: TestApp;
    const secrets = new Map<string, string>();
    before(async () => {
      t = await createTestApp(kind);
      await seed(t);
    });
    after(async () => t.close());

    it('enrols TOTP at the first sign-in, then asks for a code every time', async () => {
      await staffSignIn(t, 'shouli', DEMO_STAFF_PASSWORD, secrets);
      const again = new TestClient(t.app);
      const step1 = await again.post('/api/admin/auth/password', { username: 'shouli', password: DEMO_STAFF_PASSWORD });
      assert.deepEqual(step1.json(), { next: 'TOTP' });
    });

    it('gives the password step alone no access', async () => {
      const client = new TestClient(t.app);
      await client.post('/api/admin/auth/password', { username: 'admin', password: DEMO_STAFF_PASSWORD });
      assert.equal((await client.get('/api/admin/staff')).statusCode, 401);
      assert.equal((await client.get('/api/admin/auth/session')).json().authenticated, false);
    });

    it('refuses a wrong TOTP code and a replayed one', async () => {
      const { totp } = await staffSignIn(t, 'shenhe', DEMO_STAFF_PASSWORD, secrets);
      const client = new TestClient(t.app);
      await client.post('/api/admin/auth/password', { username: 'shenhe', password: DEMO_STAFF_PASSWORD });
      const wrong = await client.post('/api/admin/auth/totp', { code: '000000' === totp.generate({ timestamp: t.clock.now().getTime() }) ? '111111' : '000000' });
      assert.equal(wrong.statusCode, 401);
      assert.equal(wrong.json().code, 'YZ-ACC-012');
      // The code that signed in a moment ago (same time step) cannot be used again.
      const replay = await client.post('/api/admin/auth/totp', { code: totp.generate({ timestamp: t.clock.now().getTime() }) });
      assert.equal(replay.statusCode, 401);
    });

    it('answers a wrong password and an unknown user alike, and locks after 5 failures', async () => {
      const client = new TestClient(t.app);
      const wrong = await client.post('/api/admin/auth/password', { username: 'zhizheng', password: 'Wrong-password-1' });
      const unknown = await client.post('/api/admin/auth/password', { username: 'nobody', password: 'Wrong-password-1' });
      assert.equal(wrong.statusCode, 401);
      assert.equal(wrong.json().detail, unknown.json().detail);
      for (let i = 0; i < 4; i++) await client.post('/api/admin/auth/password', { username: 'zhizheng', password: 'Wrong-password-1' });
      assert.equal((await client.post('/api/admin/auth/password', { username: 'zhizheng', password: DEMO_STAFF_PASSWORD })).statusCode, 423);
      t.clock.minutes(16);
    });

    it('lets an administrator create staff within their authority tree, with a one-time password', async () => {
      const { client } = await staffSignIn(t, 'admin', DEMO_STAFF_PASSWORD, secrets);
      const created = await client.post('/api/admin/staff', { username: 'li.clerk', name: '李受理', authorityCode: '330106', roles: ['INTAKE'] });
      assert.equal(created.statusCode, 201, created.body);
      const initialPassword = created.json().initialPassword as string;
      assert.ok(initialPassword.length >= 16);
      const list = (await client.get('/api/admin/staff')).json() as { username: string }[];
      assert.ok(list.some((s) => s.username === 'li.clerk'));
      await staffSignIn(t, 'li.clerk', initialPassword, secrets);
      assert.equal((await auditRows(t, 'STAFF_CREATE')).length, 1);
    });

    it('refuses bad staff input with field messages', async () => {
      const { client } = await staffSignIn(t, 'admin', DEMO_STAFF_PASSWORD, secrets);
      const bad = await client.post('/api/admin/staff', { username: '1x', name: '王', authorityCode: '330106', roles: [] });
      assert.equal(bad.statusCode, 422);
      const fields = (bad.json().errors as { field: string }[]).map((e) => e.field).sort();
      assert.deepEqual(fields, ['name', 'roles', 'username']);
      const conflict = await client.post('/api/admin/staff', { username: 'wang.audit', name: '王审计', authorityCode: '330000', roles: ['AUDITOR', 'INTAKE'] });
      assert.equal(conflict.statusCode, 422);
      assert.equal(conflict.json().detail, '审计员不能同时担任其他角色');
      const taken = await client.post('/api/admin/staff', { username: 'shouli', name: '孙受理', authorityCode: '330100', roles: ['INTAKE'] });
      assert.equal(taken.statusCode, 409);
    });

    it('changes roles and disables staff (ending their sessions), both audited', async () => {
      const admin = (await staffSignIn(t, 'admin', DEMO_STAFF_PASSWORD, secrets)).client;
      const clerk = (await staffSignIn(t, 'shouli', DEMO_STAFF_PASSWORD, secrets)).client;
      const list = (await admin.get('/api/admin/staff')).json() as { id: string; username: string }[];
      const shouli = list.find((s) => s.username === 'shouli')!;
      const roles = await admin.patch(`/api/admin/staff/${shouli.id}`, { roles: ['INTAKE', 'REVIEWER'] });
      assert.deepEqual(roles.json().roles, ['INTAKE', 'REVIEWER']);
      assert.equal((await clerk.get('/api/admin/auth/session')).json().authenticated, true);
      await admin.patch(`/api/admin/staff/${shouli.id}`, { status: 'DISABLED' });
      assert.equal((await clerk.get('/api/admin/auth/session')).json().authenticated, false);
      assert.equal((await new TestClient(t.app).post('/api/admin/auth/password', { username: 'shouli', password: DEMO_STAFF_PASSWORD })).statusCode, 401);
      assert.equal((await auditRows(t, 'STAFF_ROLE_CHANGE')).length, 1);
      assert.equal((await auditRows(t, 'STAFF_DISABLE')).length, 1);
      await admin.patch(`/api/admin/staff/${shouli.id}`, { status: 'ACTIVE' });
    });

    it('does not let an administrator lock themself out', async () => {
      const { client } = await staffSignIn(t, 'admin', DEMO_STAFF_PASSWORD, secrets);
      const me = (await client.get('/api/admin/auth/session')).json().staff;
      const response = await client.patch(`/api/admin/staff/${me.id}`, { status: 'DISABLED' });
      assert.equal(response.statusCode, 409);
    });

    it('keeps staff management to administrators (403) and outside trees invisible (404)', async () => {
      const reviewer = (await staffSignIn(t, 'shenhe', DEMO_STAFF_PASSWORD, secrets)).client;
      assert.equal((await reviewer.get('/api/admin/staff')).statusCode, 403);
      assert.equal((await reviewer.get('/api/admin/audit')).statusCode, 403);
      // A city administrator cannot see or touch the province's staff.
      const admin = (await staffSignIn(t, 'admin', DEMO_STAFF_PASSWORD, secrets)).client;
      const cityAdmin = await admin.post('/api/admin/staff', { username: 'hz.admin', name: '杭州管理员', authorityCode: '330100', roles: ['ADMIN'] });
      const city = (await staffSignIn(t, 'hz.admin', cityAdmin.json().initialPassword, secrets)).client;
      const visible = ((await city.get('/api/admin/staff')).json() as { username: string }[]).map((s) => s.username);
      assert.ok(!visible.includes('admin') && !visible.includes('shenji'));
      const provinceStaff = ((await admin.get('/api/admin/staff')).json() as { id: string; username: string }[]).find((s) => s.username === 'shenji')!;
      assert.equal((await city.patch(`/api/admin/staff/${provinceStaff.id}`, { status: 'DISABLED' })).statusCode, 404);
      const outside = await city.post('/api/admin/staff', { username: 'nb.clerk', name: '宁波受理', authorityCode: '330200', roles: ['INTAKE'] });
      assert.equal(outside.statusCode, 404);
      assert.ok((await auditRows(t, 'AUTHZ_DENIED')).length >= 2);
    });

    it('lets the auditor, and only the auditor, read and verify the audit log', async () => {
      const auditor = (await staffSignIn(t, 'shenji', DEMO_STAFF_PASSWORD, secrets)).client;
      const page = (await auditor.get('/api/admin/audit')).json();
      assert.ok(page.rows.length > 5);
      assert.ok(page.rows.every((r: Record<string, unknown>) => !('hash' in r)));
      const filtered = (await auditor.get('/api/admin/audit?action=STAFF_CREATE')).json();
      assert.ok(filtered.rows.every((r: { action: string }) => r.action === 'STAFF_CREATE'));
      assert.deepEqual((await auditor.get('/api/admin/audit/verify')).json().intact, true);
      assert.equal((await auditor.post('/api/admin/staff', { username: 'x.y.z', name: '某某', authorityCode: '330000', roles: ['INTAKE'] })).statusCode, 403);
    });

    it('changes the own password (staff policy) and ends the other sessions', async () => {
      const first = (await staffSignIn(t, 'zhizheng', DEMO_STAFF_PASSWORD, secrets)).client;
      const second = (await staffSignIn(t, 'zhizheng', DEMO_STAFF_PASSWORD, secrets)).client;
      const weak = await first.post('/api/admin/me/password', { currentPassword: DEMO_STAFF_PASSWORD, newPassword: 'Short-1' });
      assert.equal(weak.json().errors[0].message, '密码至少需要12位');
      assert.equal((await first.post('/api/admin/me/password', { currentPassword: DEMO_STAFF_PASSWORD, newPassword: 'Producer#Card-2027' })).statusCode, 200);
      assert.equal((await second.get('/api/admin/auth/session')).json().authenticated, false);
      assert.equal((await first.get('/api/admin/auth/session')).json().authenticated, true);
    });

    it('ends staff sessions after 15 idle minutes', async () => {
      const { client } = await staffSignIn(t, 'shenji', DEMO_STAFF_PASSWORD, secrets);
      t.clock.minutes(16);
      assert.equal((await client.get('/api/admin/audit')).statusCode, 401);
    });

    it('keeps the audit log append-only, and the verifier finds an edited row', async () => {
      await assert.rejects(t.ctx.db.execute(sql`update audit_log set outcome = 'FAILURE' where id = 3`), (error: Error) => /append-only/.test(String((error.cause as Error | undefined)?.message)));
      assert.equal((await verifyAuditChain(t.ctx.db)).firstBrokenId, undefined);
      // Someone with database superuser rights switches the guard off and edits one row.
      await t.ctx.db.execute(sql`alter table audit_log disable trigger audit_log_no_update_delete`);
      await t.ctx.db.execute(sql`update audit_log set details = '{"forged": true}' where id = 4`);
      await t.ctx.db.execute(sql`alter table audit_log enable trigger audit_log_no_update_delete`);
      assert.equal((await verifyAuditChain(t.ctx.db)).firstBrokenId, 4);
    });
  });
}

function auditRows(t: TestApp, action: string) {
  return t.ctx.db.select().from(auditLog).where(eq(auditLog.action, action));
}
