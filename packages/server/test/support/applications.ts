import assert from 'node:assert/strict';
import sharp from 'sharp';
import { NOTICE_VERSION } from '@yunzheng/domain';
import type { TestApp } from './app';
import type { TestClient } from './client';
import { boundCitizen } from './accounts';

export const portraitPhoto = () => sharp({ create: { width: 413, height: 579, channels: 3, background: '#f5f5f5' } }).jpeg().toBuffer();
export const scanImage = () => sharp({ create: { width: 1200, height: 800, channels: 3, background: '#ffffff' } }).jpeg().toBuffer();

function cookieHeader(client: TestClient) {
  return [...client.cookies].map(([k, v]) => `${k}=${v}`).join('; ');
}

/** multipart/form-data upload of one material, as the browser sends it. */
export function uploadMaterial(t: TestApp, client: TestClient, id: string, materialCode: string, file: { name: string; bytes: Buffer; type: string }) {
  const boundary = '----yz' + Math.random().toString(16).slice(2);
  const payload = Buffer.concat([
    Buffer.from(`--${boundary}\r\nContent-Disposition: form-data; name="materialCode"\r\n\r\n${materialCode}\r\n`),
    Buffer.from(`--${boundary}\r\nContent-Disposition: form-data; name="file"; filename="${file.name}"\r\nContent-Type: ${file.type}\r\n\r\n`),
    file.bytes,
    Buffer.from(`\r\n--${boundary}--\r\n`),
  ]);
  return t.app.inject({ method: 'POST', url: `/api/applications/${id}/materials`, payload, headers: { 'content-type': `multipart/form-data; boundary=${boundary}`, cookie: cookieHeader(client) }, remoteAddress: client.ip });
}

export function submitWithKey(t: TestApp, client: TestClient, id: string, key: string) {
  return t.app.inject({ method: 'POST', url: `/api/applications/${id}/submit`, headers: { 'idempotency-key': key, cookie: cookieHeader(client) }, remoteAddress: client.ip });
}

/** A submitted 换发 (window collection) of a demo resident whose certificate is in the renewal window. */
export async function submittedRenewal(t: TestApp, residentIndex: number) {
  const { client, cert } = await boundCitizen(t, residentIndex);
  const draft = (await client.post('/api/applications', { service: 'RENEW', noticeVersion: NOTICE_VERSION })).json();
  const category = (await client.request('PUT', `/api/applications/${draft.id}/certificate`, { certificateId: cert.id, categoryCodes: ['PASSENGER_DRIVER'] })).json();
  assert.equal(category.certificate.id, cert.id);
  assert.equal((await client.request('PUT', `/api/applications/${draft.id}/personal`, { collectionMethod: 'PICKUP', serviceFields: {} })).statusCode, 200);
  await uploadMaterial(t, client, draft.id, 'PHOTO_2INCH', { name: 'me.jpg', bytes: await portraitPhoto(), type: 'image/jpeg' });
  await uploadMaterial(t, client, draft.id, 'DRIVING_LICENCE', { name: 'licence.jpg', bytes: await scanImage(), type: 'image/jpeg' });
  await uploadMaterial(t, client, draft.id, 'QUAL_CERT_SCAN', { name: 'card.jpg', bytes: await scanImage(), type: 'image/jpeg' });
  const submitted = await submitWithKey(t, client, draft.id, `key-${draft.id}`);
  assert.equal(submitted.statusCode, 200, submitted.body);
  return { client, application: submitted.json() as { id: string; applyNo: string } };
}
