import { useEffect, useRef, useState } from 'react';
import { Alert, Spin } from 'antd';
import * as pdfjs from 'pdfjs-dist';
// oxlint-disable-next-line import/default -- Vite's `?url` import answers the bundled worker's URL.
import workerUrl from 'pdfjs-dist/build/pdf.worker.min.mjs?url';

pdfjs.GlobalWorkerOptions.workerSrc = workerUrl;

/**
 * A PDF material drawn page by page on canvases with pdf.js: no plug-in, no download, nothing the PDF could run
 * (scripts are off, and uploads with scripts were refused at the door anyway).
 */
export function PdfPreview({ url, title, maxPages = 5 }: { url: string; title: string; maxPages?: number }) {
  const host = useRef<HTMLDivElement>(null);
  const [state, setState] = useState<{ pages: number; shown: number } | 'loading' | 'error'>('loading');
  useEffect(() => {
    let cancelled = false;
    const task = pdfjs.getDocument({ url, isEvalSupported: false, enableXfa: false, withCredentials: true });
    (async () => {
      const doc = await task.promise;
      const shown = Math.min(doc.numPages, maxPages);
      const container = host.current;
      if (!container || cancelled) return;
      container.replaceChildren();
      for (let n = 1; n <= shown; n++) {
        const page = await doc.getPage(n);
        const viewport = page.getViewport({ scale: 1.2 });
        const canvas = document.createElement('canvas');
        canvas.width = viewport.width;
        canvas.height = viewport.height;
        canvas.style.maxWidth = '100%';
        canvas.style.border = '1px solid #d9d9d9';
        canvas.setAttribute('role', 'img');
        canvas.setAttribute('aria-label', `${title} 第${n}页`);
        container.append(canvas);
        await page.render({ canvas, viewport }).promise;
        if (cancelled) return;
      }
      setState({ pages: doc.numPages, shown });
    })().catch(() => !cancelled && setState('error'));
    return () => {
      cancelled = true;
      void task.destroy();
    };
  }, [url, title, maxPages]);
  return (
    <div>
      {state === 'loading' && <Spin tip="正在显示PDF…" />}
      {state === 'error' && <Alert type="error" showIcon title="PDF无法显示" />}
      <div ref={host} style={{ display: 'grid', gap: 8 }} />
      {typeof state === 'object' && state.pages > state.shown && <div style={{ color: '#555' }}>共{state.pages}页，显示前{state.shown}页</div>}
    </div>
  );
}
