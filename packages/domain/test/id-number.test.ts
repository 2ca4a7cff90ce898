import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { idCheckCharacter, idNumberMessages, parseResidentIdNumber } from '../src/index';

const TODAY = '2026-11-24';

function problemOf(input: string, today = TODAY) {
  const result = parseResidentIdNumber(input, today);
  return result.ok ? undefined : result.problem;
}

describe('resident ID number (GB 11643-1999)', () => {
  it('accepts the examples printed in the standard', () => {
    const a = parseResidentIdNumber('11010519491231002X', TODAY);
    assert.ok(a.ok);
    assert.deepEqual(
      { number: a.value.number, birthDate: a.value.birthDate, sex: a.value.sex, addressCode: a.value.addressCode },
      { number: '11010519491231002X', birthDate: '1949-12-31', sex: 'F', addressCode: '110105' },
    );
    assert.equal(a.value.region.name, '北京市朝阳区');
    const b = parseResidentIdNumber('440524188001010014', TODAY);
    assert.ok(b.ok);
    assert.equal(b.value.birthDate, '1880-01-01');
    assert.equal(b.value.sex, 'M');
  });

  it('computes the MOD 11-2 check character', () => {
    assert.equal(idCheckCharacter('11010519491231002'), 'X');
    assert.equal(idCheckCharacter('44052418800101001'), '4');
  });

  it('accepts a lower-case x and spaces, and stores upper-case X', () => {
    const result = parseResidentIdNumber(' 110105 19491231 002x ', TODAY);
    assert.ok(result.ok);
    assert.equal(result.value.number, '11010519491231002X');
  });

  it('falls back to the city, then the province, for retired county codes', () => {
    const result = parseResidentIdNumber('440524188001010014', TODAY);
    assert.ok(result.ok);
    assert.equal(result.value.region.level, 'city');
    assert.equal(result.value.region.code, '440500');
  });

  it('rejects an empty value', () => assert.equal(problemOf('  '), 'EMPTY'));
  it('rejects 15-digit numbers with their own message', () => assert.equal(problemOf('110105491231002'), 'FIFTEEN_DIGITS'));
  it('rejects 17 and 19 characters', () => {
    assert.equal(problemOf('11010519491231002'), 'LENGTH');
    assert.equal(problemOf('11010519491231002X1'), 'LENGTH');
  });
  it('rejects letters other than a final X', () => {
    assert.equal(problemOf('1101051949123100AX'), 'CHARACTERS');
    assert.equal(problemOf('11010519491231002Y'), 'CHARACTERS');
    assert.equal(problemOf('X10105194912310021'), 'CHARACTERS');
  });
  it('rejects an address code unknown at all three levels', () => assert.equal(problemOf('990101199001011234'), 'ADDRESS_CODE'));
  it('rejects impossible birth dates', () => {
    assert.equal(problemOf('110105202302300012'), 'BIRTH_DATE'); // 30 February
    assert.equal(problemOf('110105199013010012'), 'BIRTH_DATE'); // month 13
    assert.equal(problemOf('110105179901010012'), 'BIRTH_DATE'); // before 1800
  });
  it('rejects a birth date after today', () => {
    const id = '11010520270101001';
    assert.equal(problemOf(id + idCheckCharacter(id)), 'BIRTH_DATE_IN_FUTURE');
    // born today is fine
    const born = '11010520261124001';
    assert.equal(problemOf(born + idCheckCharacter(born)), undefined);
  });
  it('rejects any changed digit through the check character', () => {
    assert.equal(problemOf('11010519491231003X'), 'CHECK_CHARACTER');
    assert.equal(problemOf('440524188001010015'), 'CHECK_CHARACTER');
    assert.equal(problemOf('110105194912310021'), 'CHECK_CHARACTER');
  });
  it('has a zh-CN message for every problem', () => {
    for (const message of Object.values(idNumberMessages)) assert.match(message, /身份证号/);
  });
});
