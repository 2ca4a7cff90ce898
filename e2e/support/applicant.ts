import assert from 'node:assert/strict';
import sharp from 'sharp';
import { PDFDocument, StandardFonts } from '@pdfme/pdf-lib';
import type { BrowserContext } from 'playwright-core';
import { shanghaiDate } from '@yunzheng/domain';
import { demoRegistry } from '../../packages/server/src/demo/demo-certificates';
import { signInVerifiedCitizen } from './citizen';

export interface Plan {
  service: string;
  variant?: string;
  categoryCodes: string[];
  personal: Record<string, unknown>;
}

/**
 * A demo resident who registers, binds their certificate and submits an application through the API with the
 * browser's cookie jar (the pages of 在线办理 have their own journeys in applications.test.ts); the browser is then
 * signed in as them. Returns the application's id, 办件编号 and handling authority.
 */
export async function submitThroughApi(browser: BrowserContext, baseUrl: string, mobile: string, resident: { name: string; idNumber: string; validFrom: string; validTo: string }, plan: Plan, bound = false) {
  const api = browser.request;
  if (!bound) {
    await signInVerifiedCitizen(browser, baseUrl, mobile, resident);
    const certNo = demoRegistry(shanghaiDate(new Date()), 10).certificates.find((c) => c.holderIdNumber === resident.idNumber)!.certNo;
    assert.equal((await api.post(`${baseUrl}/api/me/certificates/bind`, { data: { certNo } })).status(), 200);
  }
  const certificates = (await (await api.get(`${baseUrl}/api/me/certificates`)).json()) as { bound: { id: string }[] };
  const notice = await (await api.get(`${baseUrl}/api/services/${plan.service}/notice${plan.variant ? `?variant=${plan.variant}` : ''}`)).json();
  const draft = await (await api.post(`${baseUrl}/api/applications`, { data: { service: plan.service, ...(plan.variant && { variant: plan.variant }), noticeVersion: notice.version } })).json();
  const chosen = await api.put(`${baseUrl}/api/applications/${draft.id}/certificate`, { data: { certificateId: certificates.bound[0]!.id, categoryCodes: plan.categoryCodes } });
  assert.equal(chosen.status(), 200, await chosen.text());
  const personal = await api.put(`${baseUrl}/api/applications/${draft.id}/personal`, { data: plan.personal });
  assert.equal(personal.status(), 200, await personal.text());
  const photo = await sharp({ create: { width: 413, height: 579, channels: 3, background: '#f2f2f2' } }).jpeg().toBuffer();
  const scan = await sharp({ create: { width: 1200, height: 800, channels: 3, background: '#ffffff' } }).jpeg().toBuffer();
  const contract = await contractPdf();
  for (const m of ((await personal.json()) as { requiredMaterials: { code: string; required: boolean }[] }).requiredMaterials.filter((r) => r.required)) {
    // A contract arrives as a PDF, as employers send them; the rest as photos.
    const file = m.code === 'LABOUR_CONTRACT' ? { name: 'contract.pdf', mimeType: 'application/pdf', buffer: contract } : { name: `${m.code}.jpg`, mimeType: 'image/jpeg', buffer: m.code === 'PHOTO_2INCH' ? photo : scan };
    const uploaded = await api.post(`${baseUrl}/api/applications/${draft.id}/materials`, { multipart: { materialCode: m.code, file } });
    assert.equal(uploaded.status(), 201, await uploaded.text());
  }
  const submitted = await api.post(`${baseUrl}/api/applications/${draft.id}/submit`, { headers: { 'Idempotency-Key': `e2e-${draft.id}` } });
  assert.equal(submitted.status(), 200, await submitted.text());
  const view = await submitted.json();
  return { id: view.id as string, applyNo: view.applyNo as string, authority: view.handlingAuthority.code as string };
}

/** A one-page PDF with some text, so that a preview has something to draw. */
async function contractPdf(): Promise<Buffer> {
  const doc = await PDFDocument.create();
  const page = doc.addPage([595, 842]);
  page.drawText('Labour contract - e2e test document', { x: 60, y: 760, size: 20, font: await doc.embedFont(StandardFonts.Helvetica) });
  page.drawRectangle({ x: 60, y: 600, width: 400, height: 120, borderWidth: 2 });
  return Buffer.from(await doc.save());
}
