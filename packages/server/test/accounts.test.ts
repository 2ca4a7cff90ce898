import { after, before, describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { eq } from 'drizzle-orm';
import { idCheckCharacter } from '@yunzheng/domain';
import { auditLog, citizens } from '../src/db/schema';
import { DEMO_RESIDENTS } from '../src/demo/demo-data';
import { createTestApp, type TestApp } from './support/app';
import { GOOD_PASSWORD, newMobile, registerCitizen, seed, verifiedCitizen } from './support/accounts';
import { TestClient } from './support/client';
import { testDatabaseKinds } from './support/databases';
import { latestSmsCode, ScriptedVerifier } from './support/fakes';

function fieldErrors(body: string): Record<string, string> {
  const parsed = JSON.parse(body) as { errors?: { field: string; message: string }[] };
  return Object.fromEntries((parsed.errors ?? []).map((e) => [e.field, e.message]));
}

/** A problem body without its per-request id, for comparing two answers. */
const strip = (body: string) => ({ ...JSON.parse(body), requestId: undefined });

async function auditActions(t: TestApp, action: string) {
  return t.ctx.db.select().from(auditLog).where(eq(auditLog.action, action));
}

for (const kind of testDatabaseKinds()) {
  describe(`citizen accounts on ${kind}`, () => {
    let t: TestApp;
    before(async () => {
      t = await createTestApp(kind);
      await seed(t);
    });
    after(async () => t.close());

    describe('SMS codes', () => {
      it('refuses a malformed mobile number with a field message', async () => {
        const response = await new TestClient(t.app).post('/api/auth/sms-codes', { mobile: '2381234567', purpose: 'REGISTER' });
        assert.equal(response.statusCode, 422);
        assert.equal(fieldErrors(response.body).mobile, '请输入11位手机号，以1开头');
      });

      it('sends 6 digits, refuses a resend within 60 s and allows it after', async () => {
        const client = new TestClient(t.app);
        const mobile = newMobile();
        assert.equal((await client.post('/api/auth/sms-codes', { mobile, purpose: 'REGISTER' })).statusCode, 200);
        assert.match(await latestSmsCode(t.ctx, mobile), /^\d{6}$/);
        t.clock.advance(30_000);
        const early = await client.post('/api/auth/sms-codes', { mobile, purpose: 'REGISTER' });
        assert.equal(early.statusCode, 429);
        assert.equal(early.json().code, 'YZ-ACC-004');
        assert.equal(early.json().detail, '请在30秒后重新获取验证码');
        t.clock.advance(30_000);
        assert.equal((await client.post('/api/auth/sms-codes', { mobile, purpose: 'REGISTER' })).statusCode, 200);
      });

      it('rejects a wrong code, counting down, and kills the code after 5 tries', async () => {
        const client = new TestClient(t.app);
        const mobile = newMobile();
        await client.post('/api/auth/sms-codes', { mobile, purpose: 'REGISTER' });
        const right = await latestSmsCode(t.ctx, mobile);
        const wrong = right === '000000' ? '111111' : '000000';
        const body = (smsCode: string) => ({ mobile, smsCode, password: GOOD_PASSWORD, acceptAgreements: true });
        const first = await client.post('/api/auth/register', body(wrong));
        assert.equal(first.statusCode, 422);
        assert.equal(fieldErrors(first.body).smsCode, '短信验证码错误，还可尝试4次');
        for (let i = 0; i < 4; i++) await client.post('/api/auth/register', body(wrong));
        const afterFive = await client.post('/api/auth/register', body(right));
        assert.equal(fieldErrors(afterFive.body).smsCode, '验证码错误次数过多，请重新获取');
      });

      it('rejects an expired code', async () => {
        const client = new TestClient(t.app);
        const mobile = newMobile();
        await client.post('/api/auth/sms-codes', { mobile, purpose: 'REGISTER' });
        const code = await latestSmsCode(t.ctx, mobile);
        t.clock.minutes(6);
        const response = await client.post('/api/auth/register', { mobile, smsCode: code, password: GOOD_PASSWORD, acceptAgreements: true });
        assert.equal(fieldErrors(response.body).smsCode, '短信验证码已过期，请重新获取');
      });

      it('does not tell a stranger whether a number is registered when asking for a login code', async () => {
        const response = await new TestClient(t.app).post('/api/auth/sms-codes', { mobile: newMobile(), purpose: 'LOGIN' });
        assert.equal(response.statusCode, 200);
      });
    });

    describe('registration (自然人注册)', () => {
      it('registers, records the agreements, signs in and asks for 实名认证 next', async () => {
        const { client, mobile } = await registerCitizen(t);
        const state = (await client.get('/api/auth/session')).json();
        assert.equal(state.authenticated, true);
        assert.equal(state.citizen.realNameStatus, 'NONE');
        const [row] = await t.ctx.db.select().from(citizens).where(eq(citizens.mobileBidx, t.ctx.cipher.blindIndex('mobile', mobile)));
        assert.deepEqual(row!.agreements.map((a) => a.code), ['USER_AGREEMENT', 'PRIVACY_NOTICE']);
        assert.match(row!.passwordHash, /^\$argon2id\$v=19\$m=19456,t=2,p=1\$/);
      });

      it('refuses a code that was already used', async () => {
        const client = new TestClient(t.app);
        const mobile = newMobile();
        await client.post('/api/auth/sms-codes', { mobile, purpose: 'REGISTER' });
        const smsCode = await latestSmsCode(t.ctx, mobile);
        assert.equal((await client.post('/api/auth/register', { mobile, smsCode, password: GOOD_PASSWORD, acceptAgreements: true })).statusCode, 201);
        const again = await new TestClient(t.app).post('/api/auth/register', { mobile, smsCode, password: GOOD_PASSWORD, acceptAgreements: true });
        assert.equal(again.statusCode, 409);
        assert.equal(again.json().code, 'YZ-ACC-005');
      });

      it('refuses a second registration of the same number before sending a code', async () => {
        const { mobile } = await registerCitizen(t);
        const response = await new TestClient(t.app).post('/api/auth/sms-codes', { mobile, purpose: 'REGISTER' });
        assert.equal(response.statusCode, 409);
        assert.equal(fieldErrors(response.body).mobile, '该手机号已注册');
      });

      for (const [password, message] of [
        ['Ab1!', '密码至少需要8位'],
        ['abcdefghij', '密码需至少包含大写字母、小写字母、数字、符号中的两类'],
        ['password1', '该密码过于常见，容易被猜中，请换一个'],
        ['x'.repeat(129) + '1', '密码不能超过128位'],
      ] as const) {
        it(`refuses the weak password "${password.slice(0, 12)}"`, async () => {
          const client = new TestClient(t.app);
          const mobile = newMobile();
          await client.post('/api/auth/sms-codes', { mobile, purpose: 'REGISTER' });
          const response = await client.post('/api/auth/register', { mobile, smsCode: await latestSmsCode(t.ctx, mobile), password, acceptAgreements: true });
          assert.equal(response.statusCode, 422);
          assert.equal(fieldErrors(response.body).password, message);
        });
      }

      it('refuses a password containing the mobile number, and keeps the code usable', async () => {
        const client = new TestClient(t.app);
        const mobile = newMobile();
        await client.post('/api/auth/sms-codes', { mobile, purpose: 'REGISTER' });
        const smsCode = await latestSmsCode(t.ctx, mobile);
        const weak = await client.post('/api/auth/register', { mobile, smsCode, password: `a${mobile}`, acceptAgreements: true });
        assert.equal(fieldErrors(weak.body).password, '密码不能包含手机号或用户名');
        const good = await client.post('/api/auth/register', { mobile, smsCode, password: GOOD_PASSWORD, acceptAgreements: true });
        assert.equal(good.statusCode, 201);
      });

      it('requires the agreements to be accepted', async () => {
        const response = await new TestClient(t.app).post('/api/auth/register', { mobile: newMobile(), smsCode: '123456', password: GOOD_PASSWORD, acceptAgreements: false });
        assert.equal(response.statusCode, 422);
        assert.equal(fieldErrors(response.body).acceptAgreements, '请阅读并同意用户服务协议和个人信息保护说明');
      });
    });

    describe('实名认证', () => {
      const resident = DEMO_RESIDENTS[1]!;
      const claim = (overrides: Record<string, string> = {}) => ({ name: resident.name, idNumber: resident.idNumber, validFrom: resident.validFrom, validTo: resident.validTo, ...overrides });

      const cases: [string, Record<string, string>, string, string][] = [
        ['a wrong check character', { idNumber: resident.idNumber.slice(0, 17) + (resident.idNumber[17] === '1' ? '2' : '1') }, 'idNumber', '身份证号校验位不正确，请核对后重新输入'],
        ['17 characters', { idNumber: resident.idNumber.slice(0, 17) }, 'idNumber', '身份证号应为18位，前17位为数字，最后一位为数字或X'],
        ['an impossible birth date', { idNumber: (() => { const s = '33010619900230001'; return s + idCheckCharacter(s); })() }, 'idNumber', '身份证号第7至14位不是有效的出生日期'],
        ['a birth date in the future', { idNumber: (() => { const s = '33010620300101001'; return s + idCheckCharacter(s); })() }, 'idNumber', '身份证号中的出生日期晚于今天'],
        ['an unknown address code', { idNumber: (() => { const s = '99010619900101001'; return s + idCheckCharacter(s); })() }, 'idNumber', '身份证号前6位不是有效的行政区划代码'],
        ['a validity period that does not match the age', { validTo: '2029-04-11' }, 'validTo', '有效期限与签发时的年龄不符，请核对证件背面的有效期限'],
        ['长期 for someone under 46', { validTo: 'LONG_TERM' }, 'validTo', '签发时未满46周岁的身份证不是长期有效，请填写证件上的有效截止日期'],
        ['an expired card', { validFrom: '2004-04-11', validTo: '2024-04-11' }, 'validTo', '身份证已过有效期，请使用有效的身份证'],
        ['a temporary card', { validFrom: '2026-10-01', validTo: '2027-01-01' }, 'validTo', '临时居民身份证不能用于实名认证，请使用居民身份证'],
        ['a start date that is not a date', { validFrom: '2019-02-30' }, 'validFrom', '有效起始日期不是有效的日期'],
        ['a name with digits', { name: '李秀英1' }, 'name', '姓名只能包含汉字、字母和间隔号“·”'],
      ];
      for (const [title, overrides, field, message] of cases) {
        it(`refuses ${title}`, async () => {
          const { client } = await registerCitizen(t);
          const response = await client.post('/api/me/realname', claim(overrides));
          assert.ok([422].includes(response.statusCode), response.body);
          assert.equal(fieldErrors(response.body)[field], message);
        });
      }

      it('maps a registry mismatch to a precise message and audits it', async () => {
        const { client } = await registerCitizen(t);
        const response = await client.post('/api/me/realname', claim({ name: '李秀芳' }));
        assert.equal(response.statusCode, 422);
        assert.equal(response.json().code, 'YZ-ACC-007');
        assert.equal(fieldErrors(response.body).name, '姓名与身份证号不一致，请核对后重新输入');
        const failures = (await auditActions(t, 'REALNAME_VERIFY')).filter((r) => r.outcome === 'FAILURE' && r.details.result === 'MISMATCH');
        assert.ok(failures.length >= 1);
        assert.doesNotMatch(JSON.stringify(failures), new RegExp(resident.idNumber));
      });

      it('reports validity dates that differ from the registry', async () => {
        const { client } = await registerCitizen(t);
        const response = await client.post('/api/me/realname', claim({ validFrom: '2019-04-12', validTo: '2039-04-12' }));
        assert.equal(fieldErrors(response.body).validTo, '身份证有效期与登记信息不符，请按证件背面的有效期限填写');
      });

      it('verifies against the resident registry, once per ID number', async () => {
        const { client } = await verifiedCitizen(t, 2);
        const state = (await client.get('/api/auth/session')).json();
        assert.equal(state.citizen.realNameStatus, 'VERIFIED');
        const again = await client.post('/api/me/realname', { name: DEMO_RESIDENTS[2]!.name, idNumber: DEMO_RESIDENTS[2]!.idNumber, validFrom: DEMO_RESIDENTS[2]!.validFrom, validTo: DEMO_RESIDENTS[2]!.validTo });
        assert.equal(again.statusCode, 409);
        assert.equal(again.json().code, 'YZ-ACC-011');
        const other = await registerCitizen(t);
        const duplicate = await other.client.post('/api/me/realname', { name: DEMO_RESIDENTS[2]!.name, idNumber: DEMO_RESIDENTS[2]!.idNumber, validFrom: DEMO_RESIDENTS[2]!.validFrom, validTo: DEMO_RESIDENTS[2]!.validTo });
        assert.equal(duplicate.statusCode, 409);
        assert.equal(duplicate.json().code, 'YZ-ACC-006');
      });

      it('requires a signed-in citizen', async () => {
        const response = await new TestClient(t.app).post('/api/me/realname', claim());
        assert.equal(response.statusCode, 401);
      });
    });

    describe('sign-in, lockout, sessions', () => {
      it('signs in with the mobile number or the ID number', async () => {
        const { mobile, resident } = await verifiedCitizen(t, 3);
        const byMobile = await new TestClient(t.app).post('/api/auth/login', { account: mobile, password: GOOD_PASSWORD });
        assert.equal(byMobile.statusCode, 200);
        assert.equal(byMobile.json().realNameStatus, 'VERIFIED');
        const byId = await new TestClient(t.app).post('/api/auth/login', { account: resident.idNumber.toLowerCase(), password: GOOD_PASSWORD });
        assert.equal(byId.statusCode, 200);
      });

      it('answers an unknown account exactly like a wrong password', async () => {
        const { mobile } = await registerCitizen(t);
        const wrong = await new TestClient(t.app).post('/api/auth/login', { account: mobile, password: 'Not-the-password-1' });
        const unknown = await new TestClient(t.app).post('/api/auth/login', { account: newMobile(), password: 'Not-the-password-1' });
        assert.equal(wrong.statusCode, 401);
        assert.equal(unknown.statusCode, 401);
        assert.deepEqual(strip(wrong.body), strip(unknown.body));
      });

      it('locks the account for 15 minutes after 5 wrong passwords, and audits the lockout', async () => {
        const { mobile } = await registerCitizen(t);
        const client = new TestClient(t.app);
        for (let i = 0; i < 5; i++) assert.equal((await client.post('/api/auth/login', { account: mobile, password: `Wrong-pass-${i}` })).statusCode, 401);
        const locked = await client.post('/api/auth/login', { account: mobile, password: GOOD_PASSWORD });
        assert.equal(locked.statusCode, 423);
        assert.equal(locked.json().code, 'YZ-ACC-002');
        assert.ok((await auditActions(t, 'CITIZEN_LOCKOUT')).length >= 1);
        t.clock.minutes(16);
        assert.equal((await client.post('/api/auth/login', { account: mobile, password: GOOD_PASSWORD })).statusCode, 200);
      });

      it('locks unknown accounts the same way', async () => {
        const client = new TestClient(t.app);
        const mobile = newMobile();
        for (let i = 0; i < 5; i++) await client.post('/api/auth/login', { account: mobile, password: `Wrong-pass-${i}` });
        assert.equal((await client.post('/api/auth/login', { account: mobile, password: 'Wrong-pass-x' })).statusCode, 423);
      });

      it('signs in with an SMS code', async () => {
        const { mobile } = await registerCitizen(t);
        const client = new TestClient(t.app);
        await client.post('/api/auth/sms-codes', { mobile, purpose: 'LOGIN' });
        const response = await client.post('/api/auth/login-sms', { mobile, smsCode: await latestSmsCode(t.ctx, mobile) });
        assert.equal(response.statusCode, 200);
        assert.equal((await client.get('/api/auth/session')).json().authenticated, true);
      });

      it('ends the session after 30 idle minutes, and not while in use', async () => {
        const { client } = await registerCitizen(t);
        t.clock.minutes(20);
        assert.equal((await client.post('/api/auth/session/extend')).statusCode, 200);
        t.clock.minutes(20);
        assert.equal((await client.get('/api/me')).statusCode, 200);
        t.clock.minutes(31);
        const expired = await client.get('/api/me');
        assert.equal(expired.statusCode, 401);
        assert.equal(expired.json().code, 'YZ-ACC-009');
        assert.equal((await client.get('/api/auth/session')).json().authenticated, false);
      });

      it('ends the session after 12 hours even when in use', async () => {
        const { client } = await registerCitizen(t);
        for (let i = 0; i < 25; i++) {
          t.clock.minutes(29);
          await client.post('/api/auth/session/extend');
        }
        assert.equal((await client.get('/api/me')).statusCode, 401);
      });

      it('reports when the idle timeout falls, without extending it', async () => {
        const { client } = await registerCitizen(t);
        const extended = (await client.post('/api/auth/session/extend')).json();
        assert.equal(new Date(extended.idleExpiresAt).getTime() - t.clock.now().getTime(), 30 * 60_000);
        t.clock.minutes(5);
        const state = (await client.get('/api/auth/session')).json();
        assert.equal(state.idleExpiresAt, extended.idleExpiresAt);
        assert.equal(state.warnBeforeSeconds, 120);
      });

      it('logout ends the session at once', async () => {
        const { client } = await registerCitizen(t);
        const stolenCookies = new Map(client.cookies);
        assert.equal((await client.post('/api/auth/logout')).statusCode, 200);
        const replay = new TestClient(t.app);
        for (const [k, v] of stolenCookies) replay.cookies.set(k, v);
        assert.equal((await replay.get('/api/me')).statusCode, 401);
      });

      it('uses HttpOnly SameSite=Lax cookies, a new token at every sign-in', async () => {
        const { mobile, client } = await registerCitizen(t);
        const login = await client.post('/api/auth/login', { account: mobile, password: GOOD_PASSWORD });
        const cookie = login.cookies[0]!;
        assert.equal(cookie.httpOnly, true);
        assert.equal(cookie.sameSite, 'Lax');
        const again = await client.post('/api/auth/login', { account: mobile, password: GOOD_PASSWORD });
        assert.notEqual(again.cookies[0]!.value, cookie.value);
      });
    });

    describe('password reset and 个人空间', () => {
      it('resets the password by SMS code and ends every session', async () => {
        const { client, mobile } = await registerCitizen(t);
        const other = new TestClient(t.app);
        await other.post('/api/auth/sms-codes', { mobile, purpose: 'RESET_PASSWORD' });
        const reset = await other.post('/api/auth/password-reset', { mobile, smsCode: await latestSmsCode(t.ctx, mobile), newPassword: 'New-pass-2027' });
        assert.equal(reset.statusCode, 200);
        assert.equal((await client.get('/api/me')).statusCode, 401);
        assert.equal((await other.post('/api/auth/login', { account: mobile, password: 'New-pass-2027' })).statusCode, 200);
        assert.equal((await other.post('/api/auth/login', { account: mobile, password: GOOD_PASSWORD })).statusCode, 401);
      });

      it('shows the profile masked', async () => {
        const { client, mobile, resident } = await verifiedCitizen(t, 6);
        const me = (await client.get('/api/me')).json();
        assert.equal(me.mobileMasked, `${mobile.slice(0, 3)}****${mobile.slice(7)}`);
        assert.equal(me.idNumberMasked, `${resident.idNumber.slice(0, 3)}***********${resident.idNumber.slice(14)}`);
        assert.equal(me.name, resident.name);
        assert.equal(me.sex, 'F');
        assert.doesNotMatch(JSON.stringify(me), new RegExp(`${mobile}|${resident.idNumber}`));
      });

      it('changes the password after checking the current one, ending the other sessions only', async () => {
        const { client, mobile } = await registerCitizen(t);
        const laptop = new TestClient(t.app);
        await laptop.post('/api/auth/login', { account: mobile, password: GOOD_PASSWORD });
        const wrong = await client.post('/api/me/password', { currentPassword: 'nope-nope-1', newPassword: 'Another-pass-9' });
        assert.equal(fieldErrors(wrong.body).currentPassword, '当前密码不正确');
        const weak = await client.post('/api/me/password', { currentPassword: GOOD_PASSWORD, newPassword: '12345678' });
        assert.equal(weak.statusCode, 422);
        assert.equal((await client.post('/api/me/password', { currentPassword: GOOD_PASSWORD, newPassword: 'Another-pass-9' })).statusCode, 200);
        assert.equal((await client.get('/api/me')).statusCode, 200);
        assert.equal((await laptop.get('/api/me')).statusCode, 401);
      });

      it('changes the mobile number after the password and a code sent to the new number', async () => {
        const { client } = await registerCitizen(t);
        const next = newMobile();
        const badPassword = await client.post('/api/me/mobile/code', { password: 'wrong-one-1', newMobile: next });
        assert.equal(fieldErrors(badPassword.body).password, '当前密码不正确');
        assert.equal((await client.post('/api/me/mobile/code', { password: GOOD_PASSWORD, newMobile: next })).statusCode, 200);
        const changed = await client.post('/api/me/mobile', { password: GOOD_PASSWORD, newMobile: next, smsCode: await latestSmsCode(t.ctx, next) });
        assert.equal(changed.statusCode, 200);
        assert.equal((await client.get('/api/me')).json().mobileMasked, `${next.slice(0, 3)}****${next.slice(7)}`);
        assert.equal((await new TestClient(t.app).post('/api/auth/login', { account: next, password: GOOD_PASSWORD })).statusCode, 200);
      });

      it('lists the own sessions and ends one', async () => {
        const { client, mobile } = await registerCitizen(t);
        const phone = new TestClient(t.app);
        await phone.post('/api/auth/login', { account: mobile, password: GOOD_PASSWORD });
        const list = (await client.get('/api/me/sessions')).json() as { id: string; current: boolean }[];
        assert.equal(list.length, 2);
        const phoneSession = list.find((s) => !s.current)!;
        assert.equal((await client.delete(`/api/me/sessions/${phoneSession.id}`)).statusCode, 200);
        assert.equal((await phone.get('/api/me')).statusCode, 401);
      });
    });

    describe('outsiders', () => {
      it('cannot end another citizen’s session (404) and nothing changes', async () => {
        const a = await registerCitizen(t);
        const b = await registerCitizen(t);
        const [aSession] = (await a.client.get('/api/me/sessions')).json() as { id: string }[];
        const attempt = await b.client.delete(`/api/me/sessions/${aSession!.id}`);
        assert.equal(attempt.statusCode, 404);
        assert.equal((await a.client.get('/api/me')).statusCode, 200);
      });

      it('cannot read any profile without a session', async () => {
        for (const url of ['/api/me', '/api/me/sessions']) assert.equal((await new TestClient(t.app).get(url)).statusCode, 401);
        assert.equal((await new TestClient(t.app).post('/api/me/password', { currentPassword: 'x', newPassword: 'y' })).statusCode, 401);
      });

      it('gets a 422, not a 500, for a malformed session id', async () => {
        const { client } = await registerCitizen(t);
        assert.equal((await client.delete('/api/me/sessions/not-a-uuid')).statusCode, 422);
      });
    });
  });

  describe(`identity service failures on ${kind}`, () => {
    let t: TestApp;
    const verifier = new ScriptedVerifier('UNAVAILABLE');
    before(async () => {
      t = await createTestApp(kind, { identity: verifier });
      await seed(t);
    });
    after(async () => t.close());

    it('answers 503 with "try later" when the identity service is unavailable, and keeps the account unverified', async () => {
      const { client } = await registerCitizen(t);
      const r = DEMO_RESIDENTS[5]!;
      const response = await client.post('/api/me/realname', { name: r.name, idNumber: r.idNumber, validFrom: r.validFrom, validTo: r.validTo });
      assert.equal(response.statusCode, 503);
      assert.equal(response.json().code, 'YZ-ACC-008');
      assert.equal(response.json().detail, '身份核验服务暂不可用，请稍后再试');
      assert.equal((await client.get('/api/auth/session')).json().citizen.realNameStatus, 'NONE');
      verifier.answer = 'MATCH';
      assert.equal((await client.post('/api/me/realname', { name: r.name, idNumber: r.idNumber, validFrom: r.validFrom, validTo: r.validTo })).statusCode, 200);
    });
  });
}
