import { after, before, describe, it } from 'node:test';
import assert from 'node:assert/strict';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { z } from 'zod';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { SERVICES } from '@yunzheng/domain';
import { AppError } from '../src/http/problem';
import { createTestApp, type TestApp } from './support/app';
import { testDatabaseKinds } from './support/databases';

for (const kind of testDatabaseKinds()) {
  describe(`HTTP foundation on ${kind}`, () => {
    let t: TestApp;
    let webDir: string;

    before(async () => {
      webDir = fs.mkdtempSync(path.join(os.tmpdir(), 'yz-web-'));
      fs.writeFileSync(path.join(webDir, 'index.html'), '<!doctype html><title>yz</title><div id="root"></div>');
      fs.mkdirSync(path.join(webDir, 'assets'));
      fs.writeFileSync(path.join(webDir, 'assets', 'app-abc123.js'), 'console.log(1)');
      t = await createTestApp(kind, { env: { WEB_DIST_DIR: webDir, RATE_LIMIT_PER_MINUTE: '30' } });
      // Routes that exist only to exercise the error handling.
      const app = t.app.withTypeProvider<ZodTypeProvider>();
      app.post('/api/test/echo', { schema: { body: z.object({ idNumber: z.string().length(18, '身份证号应为18位'), address: z.object({ postcode: z.string().regex(/^\d{6}$/, '邮政编码应为6位数字') }) }).strict() } }, async (request) => request.body);
      app.get('/api/test/boom', async () => {
        throw new Error('SELECT secret FROM internals');
      });
      app.get('/api/test/app-error', async () => {
        throw new AppError('YZ-GEN-409', '该办件已被其他人认领');
      });
    });
    after(async () => t.close());

    it('GET /api/health checks the database', async () => {
      const response = await t.app.inject({ url: '/api/health' });
      assert.equal(response.statusCode, 200);
      assert.deepEqual(response.json().database, { kind, ok: true });
    });

    it('GET /api/catalogue returns the five services with their materials', async () => {
      const response = await t.app.inject({ url: '/api/catalogue' });
      assert.equal(response.statusCode, 200);
      const body = response.json();
      assert.deepEqual(body.services.map((s: { name: string }) => s.name), SERVICES.map((s) => s.name));
      assert.equal(body.services[0].materials[0].formLabel, '原件的电子影像信息（照片、扫描件等形式）');
      assert.equal(body.categories.length, 5);
    });

    it('answers an unknown API route with a problem+json 404', async () => {
      const response = await t.app.inject({ url: '/api/no-such-thing', headers: { accept: 'text/html' } });
      assert.equal(response.statusCode, 404);
      assert.match(response.headers['content-type'] as string, /^application\/problem\+json/);
      const body = response.json();
      assert.equal(body.code, 'YZ-GEN-404');
      assert.equal(body.title, '您访问的内容不存在');
      assert.equal(body.requestId, response.headers['x-request-id']);
    });

    it('serves the web app for page paths and hashed assets with long caching', async () => {
      const page = await t.app.inject({ url: '/certificates/123', headers: { accept: 'text/html' } });
      assert.equal(page.statusCode, 200);
      assert.match(page.body, /<div id="root">/);
      assert.equal(page.headers['cache-control'], 'no-cache');
      const asset = await t.app.inject({ url: '/assets/app-abc123.js' });
      assert.equal(asset.statusCode, 200);
      assert.match(asset.headers['cache-control'] as string, /immutable/);
      const missingAsset = await t.app.inject({ url: '/assets/missing.js' });
      assert.equal(missingAsset.statusCode, 404);
    });

    it('sends security headers with a strict CSP', async () => {
      const response = await t.app.inject({ url: '/', headers: { accept: 'text/html' } });
      const csp = response.headers['content-security-policy'] as string;
      assert.match(csp, /script-src 'self'(;|$)/);
      assert.match(csp, /frame-ancestors 'none'/);
      assert.equal(response.headers['x-content-type-options'], 'nosniff');
      assert.match(response.headers['strict-transport-security'] as string, /max-age=31536000; includeSubDomains/);
    });

    it('answers validation failures with 422 and one message per field', async () => {
      const response = await t.app.inject({ method: 'POST', url: '/api/test/echo', payload: { idNumber: '123', address: { postcode: 'abc' } } });
      assert.equal(response.statusCode, 422);
      const body = response.json();
      assert.equal(body.code, 'YZ-GEN-422');
      assert.deepEqual(
        body.errors.sort((a: { field: string }, b: { field: string }) => a.field.localeCompare(b.field)),
        [
          { field: 'address.postcode', message: '邮政编码应为6位数字' },
          { field: 'idNumber', message: '身份证号应为18位' },
        ],
      );
    });

    it('rejects unknown fields and explains missing ones in Chinese', async () => {
      const response = await t.app.inject({ method: 'POST', url: '/api/test/echo', payload: { idNumber: '11010519491231002X', extra: 1 } });
      assert.equal(response.statusCode, 422);
      const fields = response.json().errors.map((e: { field: string; message: string }) => e.field);
      assert.ok(fields.includes('address'));
      assert.match(JSON.stringify(response.json().errors), /[\u4e00-\u9fff]/);
    });

    it('answers malformed JSON with 400, an unsupported body type with 415', async () => {
      const bad = await t.app.inject({ method: 'POST', url: '/api/test/echo', headers: { 'content-type': 'application/json' }, payload: '{"idNumber":' });
      assert.equal(bad.statusCode, 400);
      assert.equal(bad.json().code, 'YZ-GEN-400');
      const xml = await t.app.inject({ method: 'POST', url: '/api/test/echo', headers: { 'content-type': 'application/xml' }, payload: '<a/>' });
      assert.equal(xml.statusCode, 415);
      assert.equal(xml.json().code, 'YZ-GEN-415');
    });

    it('refuses a body over the limit with 413', async () => {
      const response = await t.app.inject({ method: 'POST', url: '/api/test/echo', headers: { 'content-type': 'application/json' }, payload: `{"idNumber":"${'1'.repeat(1_100_000)}"}` });
      assert.equal(response.statusCode, 413);
      assert.equal(response.json().code, 'YZ-GEN-413');
    });

    it('turns an AppError into its registry code and detail', async () => {
      const response = await t.app.inject({ url: '/api/test/app-error' });
      assert.equal(response.statusCode, 409);
      assert.deepEqual([response.json().code, response.json().detail], ['YZ-GEN-409', '该办件已被其他人认领']);
    });

    it('answers an unexpected error with 500, a request id and no internals', async () => {
      const response = await t.app.inject({ url: '/api/test/boom' });
      assert.equal(response.statusCode, 500);
      const body = response.json();
      assert.equal(body.code, 'YZ-GEN-500');
      assert.ok(body.requestId);
      assert.doesNotMatch(response.body, /SELECT|internals|stack|at /);
    });

    it('serves the OpenAPI document', async () => {
      const response = await t.app.inject({ url: '/api/docs/json' });
      assert.equal(response.statusCode, 200);
      const doc = response.json();
      assert.equal(doc.openapi.slice(0, 2), '3.');
      assert.ok(doc.paths['/api/catalogue']);
      assert.ok(doc.paths['/api/health']);
    });

    it('rate-limits the API but not the docs or static files', async () => {
      for (let i = 0; i < 40; i++) {
        const docs = await t.app.inject({ url: '/api/docs/json' });
        assert.equal(docs.statusCode, 200);
        const page = await t.app.inject({ url: '/', headers: { accept: 'text/html' } });
        assert.equal(page.statusCode, 200);
      }
      let limited;
      for (let i = 0; i < 40 && !limited; i++) {
        const response = await t.app.inject({ url: '/api/catalogue', remoteAddress: '10.9.9.9' });
        if (response.statusCode === 429) limited = response;
      }
      assert.ok(limited, 'expected a 429 within 40 calls');
      assert.equal(limited.json().code, 'YZ-GEN-429');
      assert.equal(limited.json().title, '操作过于频繁，请稍后再试');
    });

    it('reports 503 on /api/health when the database is gone', async () => {
      await t.database.close();
      const response = await t.app.inject({ url: '/api/health', remoteAddress: '10.1.1.1' });
      assert.equal(response.statusCode, 503);
      assert.equal(response.json().status, 'unavailable');
    });
  });
}
