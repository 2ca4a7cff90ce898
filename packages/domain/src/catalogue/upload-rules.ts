import type { MaterialForm } from './services';

/**
 * Upload rules per material form (domain.md §8, standards S12). The real system's photo specification is not
 * confirmed: these are the configurable defaults (portrait about 5:7, at least 358×441 px, JPEG/PNG).
 */
export const UPLOAD_LIMITS = {
  maxFileBytes: 5 * 1024 * 1024,
  maxFilesPerMaterial: 5,
  maxFilesPerApplication: 10,
  maxBytesPerApplication: 30 * 1024 * 1024,
  /** Images are re-encoded to at most this many pixels on the long side. */
  maxImageEdge: 2000,
} as const;

export const PHOTO_RULES = {
  minWidth: 358,
  minHeight: 441,
  /** width / height; 二寸 35×49 mm is 0.714. */
  minRatio: 0.65,
  maxRatio: 0.8,
} as const;

export const ALLOWED_TYPES: Record<MaterialForm, readonly string[]> = {
  PHOTO: ['image/jpeg', 'image/png'],
  SCAN: ['image/jpeg', 'image/png', 'application/pdf'],
};

export const allowedTypeNames: Record<MaterialForm, string> = {
  PHOTO: 'JPG、PNG 格式的照片',
  SCAN: 'JPG、PNG 格式的照片或 PDF 扫描件',
};
