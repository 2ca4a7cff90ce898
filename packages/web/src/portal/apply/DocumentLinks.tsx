import { Button, Space } from 'antd';
import { DownloadOutlined } from '@ant-design/icons';
import type { ApplicationView } from './types';

/**
 * 下载凭证 / 下载电子证照 / 下载回执 (seed guide steps 7–8): plain links to the owner's PDFs, so a phone saves or opens
 * them as it does any download. Only valid documents are listed.
 */
export function DocumentLinks({ application, kinds }: { application: ApplicationView; kinds?: string[] }) {
  const shown = application.documents.filter((d) => !kinds || kinds.includes(d.kind));
  if (shown.length === 0) return null;
  return (
    <Space wrap>
      {shown.map((d) => (
        <Button key={d.id} icon={<DownloadOutlined />} href={`/api/applications/${application.id}/documents/${d.id}/file`} download={`${d.docNo}.pdf`} type={d.kind === 'RECEIPT' ? 'default' : 'primary'}>
          {d.downloadName}
        </Button>
      ))}
    </Space>
  );
}
