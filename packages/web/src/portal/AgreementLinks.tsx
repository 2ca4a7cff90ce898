import { useState } from 'react';
import { Button, Modal, Typography } from 'antd';
import { PRIVACY_NOTICE, USER_AGREEMENT, type AgreementDocument } from '@yunzheng/domain';

/** The two documents a newcomer accepts, each readable in full in a dialog before ticking the box. */
export function AgreementLinks() {
  const [open, setOpen] = useState<AgreementDocument>();
  return (
    <>
      我已阅读并同意
      <Button type="link" style={{ padding: '0 2px', height: 'auto' }} onClick={() => setOpen(USER_AGREEMENT)}>
        《{USER_AGREEMENT.title}》
      </Button>
      和
      <Button type="link" style={{ padding: '0 2px', height: 'auto' }} onClick={() => setOpen(PRIVACY_NOTICE)}>
        《{PRIVACY_NOTICE.title}》
      </Button>
      <Modal open={open !== undefined} title={open?.title} onCancel={() => setOpen(undefined)} footer={<Button type="primary" onClick={() => setOpen(undefined)}>我已阅读</Button>} width={640}>
        <Typography.Paragraph type="secondary">版本：{open?.version}</Typography.Paragraph>
        {open?.sections.map((s) => (
          <div key={s.heading}>
            <Typography.Title level={5}>{s.heading}</Typography.Title>
            <Typography.Paragraph>{s.text}</Typography.Paragraph>
          </div>
        ))}
      </Modal>
    </>
  );
}
