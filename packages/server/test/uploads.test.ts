import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import sharp from 'sharp';
import { PDFDocument } from '@pdfme/pdf-lib';
import { FieldCipher } from '../src/adapters/crypto/field-cipher';
import { DiskFileStorage } from '../src/adapters/storage/disk-file-storage';
import { StoredFileNotFoundError } from '../src/adapters/storage/file-storage';
import { inspectUpload } from '../src/modules/files/inspect-upload';
import { AppError } from '../src/http/problem';

const image = (width: number, height: number, format: 'jpeg' | 'png' = 'jpeg') =>
  sharp({ create: { width, height, channels: 3, background: '#dfe8f5' } })[format]().toBuffer();

async function refusal(bytes: Uint8Array, form: 'PHOTO' | 'SCAN'): Promise<string> {
  try {
    await inspectUpload(bytes, form);
  } catch (error) {
    assert.ok(error instanceof AppError);
    assert.equal(error.fieldErrors?.[0]?.field, 'file');
    return error.detail!;
  }
  assert.fail('expected the upload to be refused');
}

async function pdf(decorate?: (doc: PDFDocument) => Promise<void> | void): Promise<Buffer> {
  const doc = await PDFDocument.create();
  doc.addPage([595, 842]);
  await decorate?.(doc);
  return Buffer.from(await doc.save());
}

describe('upload inspection (standards S12)', () => {
  it('accepts a portrait 二寸 photo and re-encodes it as JPEG', async () => {
    const result = await inspectUpload(await image(413, 579, 'png'), 'PHOTO');
    assert.equal(result.mime, 'image/jpeg');
    assert.deepEqual([result.width, result.height], [413, 579]);
    assert.match(result.sha256, /^[0-9a-f]{64}$/);
  });

  it('refuses a landscape photo, a wrong shape and too few pixels, saying which', async () => {
    assert.match(await refusal(await image(800, 600), 'PHOTO'), /照片应为竖版证件照.*横版（800×600像素）/);
    assert.match(await refusal(await image(400, 900), 'PHOTO'), /宽高比应约为5:7.*400×900像素/);
    assert.match(await refusal(await image(250, 350), 'PHOTO'), /分辨率过低：至少需要358×441像素，这张照片为250×350像素/);
  });

  it('strips EXIF (GPS included) and applies the orientation', async () => {
    const withExif = await sharp({ create: { width: 579, height: 413, channels: 3, background: '#ccc' } })
      .jpeg()
      .withMetadata({ orientation: 6, exif: { IFD0: { Make: 'PhoneCo', Artist: 'Somebody' } } })
      .toBuffer();
    assert.ok((await sharp(withExif).metadata()).exif);
    const result = await inspectUpload(withExif, 'PHOTO'); // rotated 90°: a portrait photo after all
    assert.deepEqual([result.width, result.height], [413, 579]);
    const after = await sharp(result.bytes).metadata();
    assert.equal(after.exif, undefined);
    assert.equal(after.orientation, undefined);
  });

  it('scales large scans down to 2000 px', async () => {
    const result = await inspectUpload(await image(4000, 3000), 'SCAN');
    assert.deepEqual([result.width, result.height], [2000, 1500]);
  });

  it('refuses a program renamed to .jpg, by its bytes', async () => {
    const exe = Buffer.concat([Buffer.from('MZ'), Buffer.alloc(62), Buffer.from('PE\0\0'), Buffer.alloc(400)]);
    assert.match(await refusal(exe, 'SCAN'), /文件内容不是JPG、PNG 格式的照片或 PDF 扫描件.*改文件扩展名不能改变文件类型/);
  });

  it('refuses a PDF where only a photo is allowed', async () => {
    assert.match(await refusal(await pdf(), 'PHOTO'), /文件内容不是JPG、PNG 格式的照片（实际为 PDF 文件）/);
  });

  it('refuses an oversize file and an empty one', async () => {
    assert.match(await refusal(Buffer.alloc(5 * 1024 * 1024 + 1, 1), 'SCAN'), /文件过大：每个文件不超过5MB，这个文件有5\.0MB/);
    assert.equal(await refusal(Buffer.alloc(0), 'SCAN'), '文件是空的，请重新选择');
  });

  it('refuses a broken image', async () => {
    const good = await image(600, 800);
    assert.match(await refusal(good.subarray(0, 200), 'SCAN'), /图片已损坏/);
  });

  it('accepts a plain PDF and refuses one with a script or an attachment', async () => {
    const plain = await inspectUpload(await pdf(), 'SCAN');
    assert.equal(plain.mime, 'application/pdf');
    assert.match(await refusal(await pdf((doc) => doc.addJavaScript('hello', 'app.alert("hi")')), 'SCAN'), /含有脚本、附件或自动执行的内容/);
    assert.match(await refusal(await pdf((doc) => doc.attach(Buffer.from('payload'), 'x.txt', { mimeType: 'text/plain' })), 'SCAN'), /含有脚本、附件/);
    assert.match(await refusal(Buffer.from('%PDF-1.7\n1 0 obj <<'), 'SCAN'), /PDF 文件已损坏/);
  });
});

describe('disk file storage', () => {
  const cipher = new FieldCipher('3c'.repeat(32));
  const root = fs.mkdtempSync(path.join(os.tmpdir(), 'yz-files-'));
  const storage = new DiskFileStorage(root, cipher);

  it('stores under a random key, encrypted, readable back, and deletes', async () => {
    const content = Buffer.from('从业资格证扫描件 330106196803150115');
    const key = await storage.put(content);
    assert.match(key, /^[0-9a-f]{32}$/);
    const onDisk = fs.readFileSync(path.join(root, key.slice(0, 2), key));
    assert.ok(!onDisk.includes(Buffer.from('330106196803150115')));
    assert.equal((fs.statSync(path.join(root, key.slice(0, 2), key)).mode & 0o777).toString(8), '600');
    assert.deepEqual(await storage.get(key), content);
    await storage.delete(key);
    await assert.rejects(storage.get(key), StoredFileNotFoundError);
  });

  it('refuses keys that are not its own (no path traversal) and detects tampering', async () => {
    await assert.rejects(storage.get('../../etc/passwd'), StoredFileNotFoundError);
    const key = await storage.put(Buffer.from('abc'));
    const file = path.join(root, key.slice(0, 2), key);
    const bytes = fs.readFileSync(file);
    bytes[20] = bytes[20]! ^ 1;
    fs.writeFileSync(file, bytes);
    await assert.rejects(storage.get(key), /altered/);
  });
});
