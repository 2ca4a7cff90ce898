import assert from 'node:assert/strict';
import sharp from 'sharp';
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

export interface ApplicationPlan {
  service: string;
  variant?: string;
  categoryCodes: string[];
  personal: Record<string, unknown>;
}

/** Runs 在线办理 through the API for a bound demo resident: notice, 证照信息, 个人信息, every required material, 确认提交. */
export async function submittedApplication(t: TestApp, residentIndex: number, plan: ApplicationPlan, bound?: Awaited<ReturnType<typeof boundCitizen>>) {
  const { client, cert } = bound ?? (await boundCitizen(t, residentIndex));
  const notice = (await client.get(`/api/services/${plan.service}/notice${plan.variant ? `?variant=${plan.variant}` : ''}`)).json();
  const draft = (await client.post('/api/applications', { service: plan.service, ...(plan.variant && { variant: plan.variant }), noticeVersion: notice.version })).json();
  const chosen = await client.request('PUT', `/api/applications/${draft.id}/certificate`, { certificateId: cert.id, categoryCodes: plan.categoryCodes });
  assert.equal(chosen.statusCode, 200, chosen.body);
  const personal = await client.request('PUT', `/api/applications/${draft.id}/personal`, plan.personal);
  assert.equal(personal.statusCode, 200, personal.body);
  for (const material of personal.json().requiredMaterials.filter((m: { required: boolean }) => m.required) as { code: string }[]) {
    const bytes = material.code === 'PHOTO_2INCH' ? await portraitPhoto() : await scanImage();
    assert.equal((await uploadMaterial(t, client, draft.id, material.code, { name: `${material.code}.jpg`, bytes, type: 'image/jpeg' })).statusCode, 201);
  }
  const submitted = await submitWithKey(t, client, draft.id, `key-${draft.id}`);
  assert.equal(submitted.statusCode, 200, submitted.body);
  return { client, cert, application: submitted.json() as { id: string; applyNo: string; handlingAuthority: { code: string } } };
}

/** A submitted 换发 (window collection) of a demo resident whose certificate is in the renewal window. */
export function submittedRenewal(t: TestApp, residentIndex: number) {
  return submittedApplication(t, residentIndex, { service: 'RENEW', categoryCodes: ['PASSENGER_DRIVER'], personal: { collectionMethod: 'PICKUP', serviceFields: {} } });
}
