import { createHash } from 'node:crypto';
import { fileTypeFromBuffer } from 'file-type';
import sharp, { type Metadata, type Sharp } from 'sharp';
import { PDFArray, PDFDict, PDFDocument, PDFName, type PDFObject } from '@pdfme/pdf-lib';
import { ALLOWED_TYPES, allowedTypeNames, PHOTO_RULES, UPLOAD_LIMITS, type MaterialForm } from '@yunzheng/domain';
import { AppError } from '../../http/problem';

/**
 * Checks one uploaded file before anything is stored (standards S12): the bytes decide the type, never the name;
 * images are auto-oriented, scaled to at most 2000 px, re-encoded (EXIF and GPS gone) and, for the 二寸 photo,
 * checked for portrait shape and size; PDFs with scripts, embedded files or launch actions are refused.
 * Every refusal says what is wrong in words a person can act on.
 */
export interface InspectedFile {
  bytes: Buffer;
  mime: 'image/jpeg' | 'image/png' | 'application/pdf';
  width?: number;
  height?: number;
  sha256: string;
}

const refuse = (message: string) => new AppError('YZ-GEN-422', message, [{ field: 'file', message }]);

const FORBIDDEN_PDF_KEYS = ['JavaScript', 'JS', 'EmbeddedFile', 'EmbeddedFiles', 'Launch', 'RichMedia', 'XFA'].map((k) => PDFName.of(k));

/** True when a dictionary, or anything nested in it without indirection, carries a forbidden key. */
function hasForbiddenKey(object: PDFObject | undefined, depth = 0): boolean {
  if (!object || depth > 32) return false;
  const dict = object instanceof PDFDict ? object : (object as { dict?: unknown }).dict instanceof PDFDict ? (object as unknown as { dict: PDFDict }).dict : undefined;
  if (dict) {
    if (FORBIDDEN_PDF_KEYS.some((key) => dict.has(key))) return true;
    return dict.values().some((value) => hasForbiddenKey(value, depth + 1));
  }
  if (object instanceof PDFArray) return object.asArray().some((value) => hasForbiddenKey(value, depth + 1));
  return false;
}

async function inspectPdf(bytes: Buffer): Promise<void> {
  let document: PDFDocument;
  try {
    document = await PDFDocument.load(bytes, { updateMetadata: false });
  } catch (error) {
    if (/encrypted/i.test((error as Error).message)) throw refuse('PDF 文件已加密，无法查看，请上传未加密的扫描件');
    throw refuse('PDF 文件已损坏，无法打开，请重新扫描后上传');
  }
  if (document.getPageCount() === 0) throw refuse('PDF 文件没有页面');
  // Every object, including those packed in object streams: a script can hide in any dictionary.
  for (const [, object] of document.context.enumerateIndirectObjects()) {
    if (hasForbiddenKey(object)) throw refuse('PDF 文件含有脚本、附件或自动执行的内容，出于安全原因不能上传，请上传普通的扫描件');
  }
}

async function reencodeImage(bytes: Buffer, form: MaterialForm): Promise<{ bytes: Buffer; width: number; height: number }> {
  let image: Sharp;
  let metadata: Metadata;
  try {
    image = sharp(bytes, { failOn: 'error', limitInputPixels: 50_000_000 }).rotate();
    metadata = await image.metadata();
  } catch {
    throw refuse('图片已损坏，无法打开，请重新拍摄后上传');
  }
  // Dimensions as displayed: EXIF orientations 5–8 swap width and height.
  const swapped = (metadata.orientation ?? 1) >= 5;
  const width = (swapped ? metadata.height : metadata.width) ?? 0;
  const height = (swapped ? metadata.width : metadata.height) ?? 0;
  if (form === 'PHOTO') {
    const ratio = width / height;
    if (width > height) throw refuse(`照片应为竖版证件照（宽:高约为5:7），这张照片是横版（${width}×${height}像素）`);
    if (ratio < PHOTO_RULES.minRatio || ratio > PHOTO_RULES.maxRatio) throw refuse(`照片宽高比应约为5:7（如413×579像素），这张照片为${width}×${height}像素，请裁剪后上传`);
    if (width < PHOTO_RULES.minWidth || height < PHOTO_RULES.minHeight) throw refuse(`照片分辨率过低：至少需要${PHOTO_RULES.minWidth}×${PHOTO_RULES.minHeight}像素，这张照片为${width}×${height}像素`);
  }
  const output = await image
    .resize({ width: UPLOAD_LIMITS.maxImageEdge, height: UPLOAD_LIMITS.maxImageEdge, fit: 'inside', withoutEnlargement: true })
    .jpeg({ quality: 85, mozjpeg: true })
    .toBuffer({ resolveWithObject: true });
  return { bytes: output.data, width: output.info.width, height: output.info.height };
}

export async function inspectUpload(input: Uint8Array, form: MaterialForm): Promise<InspectedFile> {
  const bytes = Buffer.from(input);
  if (bytes.length === 0) throw refuse('文件是空的，请重新选择');
  if (bytes.length > UPLOAD_LIMITS.maxFileBytes) {
    throw refuse(`文件过大：每个文件不超过${UPLOAD_LIMITS.maxFileBytes / 1024 / 1024}MB，这个文件有${(bytes.length / 1024 / 1024).toFixed(1)}MB`);
  }
  const detected = await fileTypeFromBuffer(bytes);
  if (!detected || !ALLOWED_TYPES[form].includes(detected.mime)) {
    throw refuse(`文件内容不是${allowedTypeNames[form]}${detected ? `（实际为 ${detected.ext.toUpperCase()} 文件）` : ''}，改文件扩展名不能改变文件类型`);
  }
  if (detected.mime === 'application/pdf') {
    await inspectPdf(bytes);
    return { bytes, mime: 'application/pdf', sha256: createHash('sha256').update(bytes).digest('hex') };
  }
  const image = await reencodeImage(bytes, form);
  return { bytes: image.bytes, mime: 'image/jpeg', width: image.width, height: image.height, sha256: createHash('sha256').update(image.bytes).digest('hex') };
}
