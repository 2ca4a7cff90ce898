import fs from 'node:fs';
import { createRequire } from 'node:module';
import * as fontkit from 'fontkit';
import type { PDFDocument } from '@pdfme/pdf-lib';

type Fontkit = Parameters<PDFDocument['registerFontkit']>[0];

/**
 * Noto Sans SC (SIL OFL, from npm, so no system font is needed) for the documents' Chinese text; pdf-lib embeds
 * only the glyphs a document uses. Parsing the 10 MB font takes ~100 ms, so it is parsed once per process and the
 * parsed font is handed to every document (fontkit 2 subsets from a shared font object safely).
 */
const require = createRequire(import.meta.url);
const FONT_FILE = require.resolve('@expo-google-fonts/noto-sans-sc/400Regular/NotoSansSC_400Regular.ttf');

let bytes: Buffer | undefined;
let parsed: ReturnType<typeof fontkit.create> | undefined;

export function cjkFontBytes(): Buffer {
  bytes ??= fs.readFileSync(FONT_FILE);
  return bytes;
}

/** A fontkit for pdf-lib that answers the cached parse of our one font. */
export const cachedFontkit: Fontkit = {
  create: (data: Uint8Array, postscriptName?: string) => {
    parsed ??= fontkit.create(Buffer.from(data), postscriptName);
    return parsed as never;
  },
};
