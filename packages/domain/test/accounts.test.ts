import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { checkPassword, characterClasses, passwordMessages } from '../src/accounts/password-policy';
import { mobileField, passwordRuleLines, roleConflict, smsCodeText, idNumberField, personNameField } from '../src/index';

describe('password policy (standards S1)', () => {
  it('accepts a citizen password of 8 with two kinds of character', () => assert.equal(checkPassword('lorry2026', 'citizen'), undefined));
  it('asks staff for 12 and three kinds', () => {
    assert.equal(checkPassword('lorry2026', 'staff'), 'TOO_SHORT');
    assert.equal(checkPassword('lorrydriver2026', 'staff'), 'TOO_FEW_CLASSES');
    assert.equal(checkPassword('Lorrydriver2026', 'staff'), undefined);
  });
  it('counts characters, not bytes, and allows 128 without truncating', () => {
    assert.equal(checkPassword('运政通运政通运1', 'citizen'), undefined);
    assert.equal(checkPassword(`${'a'.repeat(127)}1`, 'citizen'), undefined);
    assert.equal(checkPassword(`${'a'.repeat(128)}1`, 'citizen'), 'TOO_LONG');
  });
  it('refuses the 10,000 most common passwords, whatever the case', () => {
    assert.equal(checkPassword('password1', 'citizen'), 'COMMON');
    assert.equal(checkPassword('PASSWORD1', 'citizen'), 'COMMON');
    assert.equal(checkPassword('qwerty123', 'citizen'), 'COMMON');
  });
  it('refuses a password that contains the account name', () => assert.equal(checkPassword('x13912345678', 'citizen', ['13912345678']), 'CONTAINS_ACCOUNT'));
  it('counts character classes', () => assert.equal(characterClasses('aA1!'), 4));
  it('words every rule for both audiences', () => {
    assert.equal(passwordMessages.TOO_SHORT('staff'), '密码至少需要12位');
    assert.match(passwordRuleLines('citizen')[0]!, /8至128位/);
    assert.match(passwordRuleLines('staff')[1]!, /三类/);
  });
});

describe('staff roles', () => {
  it('keeps the auditor apart from every other role', () => {
    assert.equal(roleConflict(['AUDITOR']), undefined);
    assert.equal(roleConflict(['AUDITOR', 'ADMIN']), '审计员不能同时担任其他角色');
    assert.equal(roleConflict(['INTAKE', 'REVIEWER']), undefined);
    assert.equal(roleConflict([]), '请至少选择一个角色');
  });
});

describe('account fields', () => {
  it('accepts mainland mobile numbers only', () => {
    assert.equal(mobileField.safeParse('13912345678').success, true);
    assert.equal(mobileField.safeParse('12912345678').success, false);
    assert.equal(mobileField.safeParse('1391234567').success, false);
  });
  it('normalises an ID number to upper case without spaces', () => assert.equal(idNumberField.parse(' 110105 19491231002x'), '11010519491231002X'));
  it('accepts names with the middle dot and refuses digits', () => {
    assert.equal(personNameField.safeParse('买买提·艾力').success, true);
    assert.equal(personNameField.safeParse('张3').success, false);
    assert.equal(personNameField.safeParse('张').success, false);
  });
  it('words the SMS with its purpose and validity', () => assert.equal(smsCodeText('123456', 'REGISTER'), '【运政通】您正在注册账号，验证码123456，5分钟内有效。如非本人操作，请忽略本短信。'));
});
