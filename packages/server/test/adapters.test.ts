import { after, before, describe, it } from 'node:test';
import assert from 'node:assert/strict';
import http from 'node:http';
import type { AddressInfo } from 'node:net';
import { FieldCipher } from '../src/adapters/crypto/field-cipher';
import { HttpIdentityVerifier } from '../src/adapters/identity/http-identity-verifier';
import { signRequest } from '../src/adapters/resilient-http';
import { HttpSmsSender } from '../src/adapters/sms/http-sms-sender';

const KEY = '1f'.repeat(32);

/** A local HTTP server whose behaviour each test scripts; it checks every request's signature. */
class ScriptedServer {
  server!: http.Server;
  url = '';
  hits = 0;
  badSignatures = 0;
  bodies: unknown[] = [];
  handler: (hit: number) => { status?: number; body?: unknown; delayMs?: number } = () => ({ body: { code: '0' } });

  async start() {
    this.server = http.createServer((req, res) => {
      let raw = '';
      req.on('data', (c: Buffer) => (raw += c.toString()));
      req.on('end', () => {
        this.hits++;
        const expected = signRequest(KEY, String(req.headers['x-yz-timestamp']), String(req.headers['x-yz-nonce']), raw);
        if (req.headers['x-yz-signature'] !== expected) this.badSignatures++;
        this.bodies.push(JSON.parse(raw));
        const { status = 200, body = {}, delayMs = 0 } = this.handler(this.hits);
        setTimeout(() => {
          if (res.destroyed) return;
          res.writeHead(status, { 'content-type': 'application/json' });
          res.end(JSON.stringify(body));
        }, delayMs);
      });
    });
    await new Promise<void>((resolve) => this.server.listen(0, '127.0.0.1', resolve));
    this.url = `http://127.0.0.1:${(this.server.address() as AddressInfo).port}/verify`;
  }
  reset(handler: ScriptedServer['handler']) {
    this.hits = 0;
    this.bodies = [];
    this.handler = handler;
  }
  async stop() {
    this.server.closeAllConnections();
    await new Promise((resolve) => this.server.close(resolve));
  }
}

const claim = { name: '张建国', idNumber: '330106196803150115', validFrom: '2015-06-20', validTo: 'LONG_TERM' as const };

describe('HTTP identity verifier against a local server', () => {
  const server = new ScriptedServer();
  before(() => server.start());
  after(() => server.stop());
  const verifier = (overrides: Partial<ConstructorParameters<typeof HttpIdentityVerifier>[0]> = {}) =>
    new HttpIdentityVerifier({ url: server.url, keyHex: KEY, timeoutMs: 300, maxAttempts: 3, breakerThreshold: 5, breakerCooldownMs: 60_000, backoffInitialMs: 10, ...overrides });

  it('sends a signed request with compact dates and 长期, and maps every answer code', async () => {
    const expected: Record<string, string> = { '0': 'MATCH', '-1': 'MISMATCH', '-2': 'INVALID_ID', '-4': 'VALIDITY_MISMATCH', '-7': 'NOT_FOUND', '-8': 'UNAVAILABLE', '99': 'UNAVAILABLE' };
    for (const [code, outcome] of Object.entries(expected)) {
      server.reset(() => ({ body: { code } }));
      assert.equal(await verifier().verify(claim), outcome, `code ${code}`);
    }
    assert.deepEqual(server.bodies[0], { name: '张建国', idNumber: '330106196803150115', validFrom: '20150620', validTo: '长期' });
    assert.equal(server.badSignatures, 0);
  });

  it('retries a 5xx and succeeds', async () => {
    server.reset((hit) => (hit < 3 ? { status: 502 } : { body: { code: '0' } }));
    assert.equal(await verifier().verify(claim), 'MATCH');
    assert.equal(server.hits, 3);
  });

  it('gives up as UNAVAILABLE after timeouts on every attempt', async () => {
    server.reset(() => ({ delayMs: 1_000, body: { code: '0' } }));
    const started = Date.now();
    assert.equal(await verifier().verify(claim), 'UNAVAILABLE');
    assert.equal(server.hits, 3);
    assert.ok(Date.now() - started < 2_500);
  });

  it('does not retry a definite answer', async () => {
    server.reset(() => ({ body: { code: '-1' } }));
    assert.equal(await verifier().verify(claim), 'MISMATCH');
    assert.equal(server.hits, 1);
  });

  it('opens the circuit after repeated failures and then fails fast without calling', async () => {
    const v = verifier({ maxAttempts: 1, breakerThreshold: 2 });
    server.reset(() => ({ status: 500 }));
    assert.equal(await v.verify(claim), 'UNAVAILABLE');
    assert.equal(await v.verify(claim), 'UNAVAILABLE');
    server.reset(() => ({ body: { code: '0' } }));
    assert.equal(await v.verify(claim), 'UNAVAILABLE');
    assert.equal(server.hits, 0, 'the open circuit must not call the service');
  });

  it('treats a refused connection as unavailable', async () => {
    const v = new HttpIdentityVerifier({ url: 'http://127.0.0.1:9/verify', keyHex: KEY, timeoutMs: 300, maxAttempts: 2, breakerThreshold: 5, breakerCooldownMs: 1_000, backoffInitialMs: 10 });
    assert.equal(await v.verify(claim), 'UNAVAILABLE');
  });
});

describe('HTTP SMS sender against a local gateway', () => {
  const server = new ScriptedServer();
  before(() => server.start());
  after(() => server.stop());
  const sender = () => new HttpSmsSender({ url: server.url, keyHex: KEY, timeoutMs: 300, maxAttempts: 2, breakerThreshold: 5, breakerCooldownMs: 60_000, backoffInitialMs: 10 });

  it('posts the message, signed', async () => {
    server.reset(() => ({ body: { ok: true } }));
    await sender().send('13912345678', '【运政通】验证码123456');
    assert.deepEqual(server.bodies[0], { mobile: '13912345678', text: '【运政通】验证码123456', signName: '运政通' });
    assert.equal(server.badSignatures, 0);
  });

  it('fails when the gateway refuses the message', async () => {
    server.reset(() => ({ body: { ok: false, message: 'blacklisted' } }));
    await assert.rejects(sender().send('13912345678', 'x'), /blacklisted/);
  });

  it('fails after the timeout on every attempt', async () => {
    server.reset(() => ({ delayMs: 1_000, body: { ok: true } }));
    await assert.rejects(sender().send('13912345678', 'x'));
    assert.equal(server.hits, 2);
  });
});

describe('field cipher (SM4-CTR + HMAC-SM3)', () => {
  const cipher = new FieldCipher(KEY);

  it('round-trips, with a fresh IV each time', () => {
    const a = cipher.encrypt('330106196803150115');
    const b = cipher.encrypt('330106196803150115');
    assert.notEqual(a, b);
    assert.equal(cipher.decrypt(a), '330106196803150115');
    assert.match(a, /^v1\./);
  });

  it('detects any altered byte', () => {
    const token = cipher.encrypt('13912345678');
    const raw = Buffer.from(token.slice(3), 'base64url');
    for (const position of [0, 17, raw.length - 1]) {
      const altered = Buffer.from(raw);
      altered[position] = altered[position]! ^ 1;
      assert.throws(() => cipher.decrypt(`v1.${altered.toString('base64url')}`), /altered/);
    }
  });

  it('gives deterministic blind indexes that depend on the key and the kind', () => {
    assert.equal(cipher.blindIndex('id', 'x'), cipher.blindIndex('id', 'x'));
    assert.notEqual(cipher.blindIndex('id', 'x'), cipher.blindIndex('mobile', 'x'));
    assert.notEqual(cipher.blindIndex('id', 'x'), new FieldCipher('2e'.repeat(32)).blindIndex('id', 'x'));
  });

  it('refuses a key of the wrong size', () => assert.throws(() => new FieldCipher('abcd'), /32 bytes/));
});
