import { useEffect, useState } from 'react';
import { Alert, Button, Card, Descriptions, Divider, Form, Input, Typography, Upload } from 'antd';
import { UploadOutlined } from '@ant-design/icons';
import { useNavigate, useParams } from 'react-router';
import { api, ApiError } from '../shared/api';
import { ErrorSummary } from '../shared/ErrorSummary';
import { StatusTag } from '../shared/StatusTag';
import { useFormSubmit } from '../shared/useFormSubmit';

interface Verification {
  kindName: string;
  docNo: string;
  holderMasked: string;
  facts: { label: string; value: string }[];
  issuingAuthority: string;
  issuedOn: string;
  verdict: 'VALID' | 'SUPERSEDED' | 'VOID' | 'ALTERED';
  verdictName: string;
  valid: boolean;
}

interface UploadAnswer {
  result: 'AUTHENTIC' | 'ALTERED' | 'UNKNOWN';
  resultName: string;
  document: Verification | null;
}

/**
 * 文书核验 (public, no sign-in): the QR code on a document opens /verify/<核验码>; anyone may also type the code or
 * upload the PDF. The answer shows the kind, the masked holder, the key facts, the issuer and whether it still holds.
 */
export function VerifyPage() {
  const { code } = useParams();
  const navigate = useNavigate();
  const [form] = Form.useForm<{ code: string }>();
  const [result, setResult] = useState<Verification>();
  const [uploaded, setUploaded] = useState<UploadAnswer>();
  const [uploadError, setUploadError] = useState<string>();
  const [uploading, setUploading] = useState(false);
  const { submit, submitting, summary, setSummary } = useFormSubmit(form, async (values) => {
    setResult(await api<Verification>(`/api/verify/${encodeURIComponent(values.code.trim())}`));
    void navigate(`/verify/${values.code.trim().toUpperCase().replace(/[\s-]/g, '')}`, { replace: true });
  });
  useEffect(() => {
    if (!code) return;
    form.setFieldValue('code', code);
    api<Verification>(`/api/verify/${encodeURIComponent(code)}`)
      .then(setResult)
      .catch((error: unknown) => setSummary(error instanceof ApiError ? (error.problem.detail ?? error.problem.title) : '核验失败，请稍后再试'));
  }, [code, form, setSummary]);

  async function verifyFile(file: File) {
    setUploadError(undefined);
    setUploaded(undefined);
    setUploading(true);
    try {
      const body = new FormData();
      body.append('file', file);
      const response = await fetch('/api/verify/upload', { method: 'POST', body });
      const json = (await response.json()) as UploadAnswer & { detail?: string; title?: string };
      if (!response.ok) setUploadError(json.detail ?? json.title ?? '核验失败');
      else setUploaded(json);
    } catch {
      setUploadError('网络连接异常，请稍后再试');
    } finally {
      setUploading(false);
    }
  }

  return (
    <Card style={{ maxWidth: 860, margin: '0 auto' }}>
      <Typography.Title level={1} style={{ fontSize: 26 }}>
        文书核验
      </Typography.Title>
      <Typography.Paragraph>核验运政通签发的诚信考核凭证、电子从业资格证和办件回执：扫描文书上的二维码，或输入文书上的核验码，或上传文书PDF。</Typography.Paragraph>
      <ErrorSummary message={summary} />
      <Form form={form} layout="vertical" onFinish={submit} style={{ maxWidth: 480 }}>
        <Form.Item label="核验码" name="code" rules={[{ required: true, message: '请输入文书上的12位核验码' }]} extra="如 AB12-CD34-EF56，不区分大小写">
          <Input autoComplete="off" maxLength={20} />
        </Form.Item>
        <Button type="primary" htmlType="submit" loading={submitting}>
          核验
        </Button>
      </Form>
      {result && <VerificationResult v={result} />}
      <Divider />
      <Typography.Title level={2} style={{ fontSize: 20 }}>
        上传PDF核验
      </Typography.Title>
      <Typography.Paragraph>检查手中的PDF文件是否为运政通签发的原件、是否被修改过。</Typography.Paragraph>
      <Upload accept="application/pdf" maxCount={1} showUploadList={false} beforeUpload={(file) => (void verifyFile(file), false)}>
        <Button icon={<UploadOutlined />} loading={uploading}>
          选择PDF文件
        </Button>
      </Upload>
      {uploadError && <Alert type="error" showIcon title={uploadError} style={{ marginTop: 12 }} role="alert" />}
      {uploaded && (
        <div style={{ marginTop: 12 }} data-testid="upload-result">
          <Alert type={uploaded.result === 'AUTHENTIC' && uploaded.document?.valid ? 'success' : uploaded.result === 'AUTHENTIC' ? 'warning' : 'error'} showIcon title={uploaded.resultName} />
          {uploaded.document && <VerificationResult v={uploaded.document} />}
        </div>
      )}
    </Card>
  );
}

function VerificationResult({ v }: { v: Verification }) {
  return (
    <Descriptions style={{ marginTop: 16 }} bordered column={1} size="small" title={v.kindName} data-testid="verification">
      <Descriptions.Item label="核验结果">
        <StatusTag tone={v.valid ? 'success' : 'error'}>{v.verdictName}</StatusTag>
      </Descriptions.Item>
      <Descriptions.Item label="文书编号">{v.docNo}</Descriptions.Item>
      <Descriptions.Item label="持有人">{v.holderMasked}</Descriptions.Item>
      {v.facts.map((f) => (
        <Descriptions.Item key={f.label} label={f.label}>
          {f.value}
        </Descriptions.Item>
      ))}
      <Descriptions.Item label="签发机关">{v.issuingAuthority}</Descriptions.Item>
      <Descriptions.Item label="签发日期">{v.issuedOn}</Descriptions.Item>
    </Descriptions>
  );
}
