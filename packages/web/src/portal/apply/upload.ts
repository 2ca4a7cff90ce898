import type { Problem } from '@yunzheng/domain';
import { ApiError } from '../../shared/api';

/**
 * Uploads one file with progress (fetch cannot report upload progress, XMLHttpRequest can). Resolves with the
 * server's JSON, rejects with ApiError carrying the server's problem (e.g. why a photo was refused).
 */
export function uploadWithProgress<T>(url: string, form: FormData, onProgress: (percent: number) => void): Promise<T> {
  return new Promise((resolve, reject) => {
    const request = new XMLHttpRequest();
    request.open('POST', url);
    request.upload.addEventListener('progress', (event) => {
      if (event.lengthComputable) onProgress(Math.round((event.loaded / event.total) * 100));
    });
    request.addEventListener('load', () => {
      let body: unknown;
      try {
        body = JSON.parse(request.responseText);
      } catch {
        body = undefined;
      }
      if (request.status >= 200 && request.status < 300) resolve(body as T);
      else reject(new ApiError((body as Problem | undefined) ?? { type: 'about:blank', code: 'YZ-GEN-500', title: '上传失败，请稍后再试', status: request.status }));
    });
    request.addEventListener('error', () => reject(new ApiError({ type: 'about:blank', code: 'YZ-GEN-503', title: '网络连接异常，上传失败，请重试', status: 0 })));
    request.send(form);
  });
}
