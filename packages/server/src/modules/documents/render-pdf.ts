import { PDFDocument, rgb, type PDFFont, type PDFPage } from '@pdfme/pdf-lib';
import QRCode from 'qrcode';
import { documentKindNames, formatVerificationCode, type DocumentKind } from '@yunzheng/domain';
import { cachedFontkit, cjkFontBytes } from './pdf-font';

/**
 * One A4 layout for every issued document: a framed page, the title, the document number, a two-column table of
 * the facts (with the holder's photo for the 电子从业资格证), the issuing authority and date, the QR code and the
 * verification code, and a footer that says how to verify. The PDF's keywords carry `yunzheng-doc:<编号>` so an
 * uploaded copy can be matched to its record even when its bytes have changed.
 */
export interface PdfSpec {
  kind: DocumentKind;
  docNo: string;
  verifyCode: string;
  verifyUrl: string;
  rows: [label: string, value: string][];
  photoJpeg?: Buffer | undefined;
  authorityName: string;
  issuedOn: string;
  contentHash: string;
  keyId: string;
  issuedAt: Date;
}

const A4 = { width: 595.28, height: 841.89 };
const MARGIN = 48;
const INK = rgb(0.1, 0.1, 0.1);
const GREY = rgb(0.35, 0.35, 0.35);
const LINE = rgb(0.55, 0.55, 0.55);
const RED = rgb(0.72, 0.08, 0.1);
const LABEL_BG = rgb(0.95, 0.96, 0.98);

export const DOC_MARKER = 'yunzheng-doc:';

/** Splits text into lines that fit `width` at `size` (Chinese breaks anywhere; good enough for these short facts). */
function wrap(text: string, font: PDFFont, size: number, width: number): string[] {
  const lines: string[] = [];
  let line = '';
  for (const ch of Array.from(text)) {
    if (font.widthOfTextAtSize(line + ch, size) > width && line) {
      lines.push(line);
      line = ch;
    } else line += ch;
  }
  if (line) lines.push(line);
  return lines.length ? lines : [''];
}

function centred(page: PDFPage, text: string, y: number, size: number, font: PDFFont, color = INK) {
  page.drawText(text, { x: (A4.width - font.widthOfTextAtSize(text, size)) / 2, y, size, font, color });
}

export async function renderDocumentPdf(spec: PdfSpec): Promise<Buffer> {
  const doc = await PDFDocument.create({ updateMetadata: false });
  doc.registerFontkit(cachedFontkit);
  const font = await doc.embedFont(cjkFontBytes(), { subset: true });
  const title = documentKindNames[spec.kind];
  doc.setTitle(`${title} ${spec.docNo}`);
  doc.setSubject(title);
  doc.setKeywords([`${DOC_MARKER}${spec.docNo}`]);
  doc.setAuthor(spec.authorityName);
  doc.setCreator('运政通 Yunzheng');
  doc.setProducer('运政通 Yunzheng');
  doc.setCreationDate(spec.issuedAt);
  doc.setModificationDate(spec.issuedAt);
  doc.setLanguage('zh-CN');

  const page = doc.addPage([A4.width, A4.height]);
  // A double frame, as printed certificates have.
  page.drawRectangle({ x: 24, y: 24, width: A4.width - 48, height: A4.height - 48, borderColor: RED, borderWidth: 2 });
  page.drawRectangle({ x: 30, y: 30, width: A4.width - 60, height: A4.height - 60, borderColor: RED, borderWidth: 0.6 });

  let y = A4.height - 90;
  centred(page, title, y, 24, font);
  y -= 24;
  centred(page, '道路运政一网通办 · 运政通', y, 11, font, GREY);
  y -= 28;
  page.drawText(`编号：${spec.docNo}`, { x: A4.width - MARGIN - font.widthOfTextAtSize(`编号：${spec.docNo}`, 11), y, size: 11, font, color: INK });
  y -= 14;

  // The facts table; with a photo, the table leaves room for it on the right of the first rows.
  const tableLeft = MARGIN;
  const labelWidth = 120;
  const photoBox = spec.photoJpeg ? { width: 99, height: 139 } : undefined;
  const tableTop = y;
  for (const [index, [label, value]] of spec.rows.entries()) {
    const besidePhoto = photoBox && tableTop - y < photoBox.height + 8;
    const valueWidth = A4.width - MARGIN - tableLeft - labelWidth - 16 - (besidePhoto ? photoBox.width + 12 : 0);
    const lines = wrap(value, font, 12, valueWidth);
    const height = Math.max(26, lines.length * 16 + 10);
    page.drawRectangle({ x: tableLeft, y: y - height, width: labelWidth, height, color: LABEL_BG, borderColor: LINE, borderWidth: 0.5 });
    page.drawRectangle({ x: tableLeft + labelWidth, y: y - height, width: A4.width - MARGIN - tableLeft - labelWidth - (besidePhoto ? photoBox.width + 12 : 0), height, borderColor: LINE, borderWidth: 0.5 });
    page.drawText(label, { x: tableLeft + 8, y: y - 18, size: 12, font, color: GREY });
    lines.forEach((line, i) => page.drawText(line, { x: tableLeft + labelWidth + 8, y: y - 18 - i * 16, size: 12, font, color: INK }));
    y -= height;
    if (index === spec.rows.length - 1) y -= 4;
  }
  if (photoBox && spec.photoJpeg) {
    const photo = await doc.embedJpg(new Uint8Array(spec.photoJpeg));
    page.drawImage(photo, { x: A4.width - MARGIN - photoBox.width, y: tableTop - photoBox.height, width: photoBox.width, height: photoBox.height });
    page.drawRectangle({ x: A4.width - MARGIN - photoBox.width, y: tableTop - photoBox.height, width: photoBox.width, height: photoBox.height, borderColor: LINE, borderWidth: 0.5 });
  }

  // Issuer and date, with an electronic-signature mark (not a seal image: the signature is the SM2 one below).
  y -= 40;
  const issuer = `签发机关：${spec.authorityName}`;
  page.drawText(issuer, { x: A4.width - MARGIN - font.widthOfTextAtSize(issuer, 13), y, size: 13, font, color: INK });
  y -= 20;
  const date = `签发日期：${spec.issuedOn}`;
  page.drawText(date, { x: A4.width - MARGIN - font.widthOfTextAtSize(date, 13), y, size: 13, font, color: INK });
  // The mark sits over the issuer's lines, as a seal does; its words below them, where they stay readable.
  page.drawEllipse({ x: A4.width - MARGIN - 80, y: y + 12, xScale: 44, yScale: 44, borderColor: RED, borderWidth: 1.5, opacity: 0 });
  centredAt(page, '电子签名', A4.width - MARGIN - 80, y - 22, 11, font, RED);

  // QR code and the verification code.
  const qrSize = 96;
  const qrY = 96;
  drawQrCode(page, spec.verifyUrl, MARGIN, qrY, qrSize);
  page.drawText('扫码核验真伪', { x: MARGIN + qrSize + 14, y: qrY + 70, size: 12, font, color: INK });
  page.drawText(`核验码：${formatVerificationCode(spec.verifyCode)}`, { x: MARGIN + qrSize + 14, y: qrY + 48, size: 14, font, color: INK });
  page.drawText(spec.verifyUrl, { x: MARGIN + qrSize + 14, y: qrY + 28, size: 9, font, color: GREY });

  const footer = [
    '本文书由运政通签发，内容经SM2数字签名。可扫描二维码，或在“文书核验”页面输入核验码、上传本PDF核验真伪。',
    `签名密钥：${spec.keyId}　内容摘要（SM3）：${spec.contentHash.slice(0, 32)}…`,
  ];
  footer.forEach((line, i) => {
    wrap(line, font, 8.5, A4.width - 2 * MARGIN).forEach((part, j) => page.drawText(part, { x: MARGIN, y: 70 - i * 24 - j * 11, size: 8.5, font, color: GREY }));
  });
  // Object streams off: the document's Info dictionary stays readable in the bytes (see DOC_MARKER).
  return Buffer.from(await doc.save({ useObjectStreams: false }));
}

function centredAt(page: PDFPage, text: string, cx: number, y: number, size: number, font: PDFFont, color = INK) {
  page.drawText(text, { x: cx - font.widthOfTextAtSize(text, size) / 2, y, size, font, color });
}

/**
 * The QR code as one vector path of its dark modules (with a one-module quiet zone): sharp at any print size, and
 * several times faster than encoding, embedding and decoding a PNG.
 */
function drawQrCode(page: PDFPage, text: string, x: number, y: number, size: number) {
  const { modules } = QRCode.create(text, { errorCorrectionLevel: 'M' });
  const count = modules.size + 2;
  const unit = size / count;
  let path = '';
  for (let row = 0; row < modules.size; row++) {
    for (let col = 0; col < modules.size; col++) {
      if (modules.get(row, col)) path += `M${col + 1} ${count - 2 - row}h1v1h-1z`;
    }
  }
  page.drawRectangle({ x, y, width: size, height: size, color: rgb(1, 1, 1) });
  // The path is in module units with y growing downwards (SVG); this pdf-lib places its origin at (x, y) and draws
  // it upwards, which for a QR code is a mirror image — so the rows are mirrored in the path instead.
  page.drawSvgPath(path, { x, y, scale: unit, color: rgb(0, 0, 0), borderWidth: 0 });
}
