import { useState } from 'react';
import { Alert, Button, Card, List, Popconfirm, Progress, Space, Typography, Upload } from 'antd';
import { ALLOWED_TYPES, allowedTypeNames, MATERIAL_FORMS, UPLOAD_LIMITS } from '@yunzheng/domain';
import { api, ApiError } from '../../shared/api';
import type { ApplicationView } from './types';
import { uploadWithProgress } from './upload';

/** 申请材料: per material its form and rule, several files each, progress while uploading, preview, delete. */
export function MaterialsStep({ application, onChanged, onNext, onBack }: { application: ApplicationView; onChanged: (view: ApplicationView) => void; onNext: () => void; onBack: () => void }) {
  const [progress, setProgress] = useState<Record<string, number>>({});
  const [errors, setErrors] = useState<Record<string, string>>({});
  const missing = application.requiredMaterials.filter((m) => m.required && !application.materials.some((f) => f.materialCode === m.code));

  async function send(code: string, file: File) {
    setErrors((e) => ({ ...e, [code]: '' }));
    const form = new FormData();
    form.append('materialCode', code);
    form.append('file', file);
    try {
      onChanged(await uploadWithProgress<ApplicationView>(`/api/applications/${application.id}/materials`, form, (p) => setProgress((s) => ({ ...s, [code]: p }))));
    } catch (error) {
      setErrors((e) => ({ ...e, [code]: error instanceof ApiError ? (error.problem.detail ?? error.problem.title) : '上传失败，请重试' }));
    } finally {
      setProgress((s) => ({ ...s, [code]: -1 }));
    }
  }

  return (
    <>
      <Typography.Paragraph>
        请按要求上传申请材料。照片和扫描件可用手机拍摄，每个文件不超过{UPLOAD_LIMITS.maxFileBytes / 1024 / 1024}MB。
      </Typography.Paragraph>
      <Space direction="vertical" style={{ width: '100%' }}>
        {application.requiredMaterials.map((m) => {
          const files = application.materials.filter((f) => f.materialCode === m.code);
          const uploading = (progress[m.code] ?? -1) >= 0;
          return (
            <Card key={m.code} size="small" title={`${m.name}${m.required ? '（必要）' : ''}`} data-testid={`material-${m.code}`}>
              <Typography.Paragraph type="secondary" style={{ marginBottom: 8 }}>
                {MATERIAL_FORMS[m.form]}；{allowedTypeNames[m.form]}
                {m.form === 'PHOTO' && '；竖版白底证件照，宽高约5:7，至少358×441像素'}
              </Typography.Paragraph>
              {files.length > 0 && (
                <List
                  size="small"
                  dataSource={files}
                  renderItem={(f) => (
                    <List.Item
                      actions={[
                        <a key="view" href={`/api/applications/${application.id}/materials/${f.id}/file`} target="_blank" rel="noreferrer">
                          查看
                        </a>,
                        <Popconfirm key="delete" title="删除这个文件？" okText="删除" cancelText="取消" onConfirm={async () => onChanged(await api<ApplicationView>(`/api/applications/${application.id}/materials/${f.id}`, { method: 'DELETE' }))}>
                          <Button type="link" danger>
                            删除
                          </Button>
                        </Popconfirm>,
                      ]}
                    >
                      {f.mime.startsWith('image/') && <img src={`/api/applications/${application.id}/materials/${f.id}/file`} alt={`${m.name}预览`} style={{ height: 64, marginRight: 12, border: '1px solid #ddd' }} />}
                      {f.originalName}（{Math.ceil(f.bytes / 1024)}KB{f.widthPx ? `，${f.widthPx}×${f.heightPx}` : ''}）
                    </List.Item>
                  )}
                />
              )}
              {uploading && <Progress percent={progress[m.code]} size="small" aria-label={`${m.name}上传进度`} />}
              {errors[m.code] && <Alert type="error" showIcon title={errors[m.code]} role="alert" style={{ margin: '8px 0' }} />}
              <Upload accept={ALLOWED_TYPES[m.form].join(',')} showUploadList={false} multiple={false} beforeUpload={(file) => { void send(m.code, file); return false; }}>
                <Button loading={uploading}>{files.length > 0 ? '继续上传' : '上传文件'}</Button>
              </Upload>
            </Card>
          );
        })}
      </Space>
      {missing.length > 0 && <Typography.Paragraph style={{ marginTop: 12 }}>还需上传：{missing.map((m) => m.name).join('、')}</Typography.Paragraph>}
      <Space style={{ marginTop: 16 }}>
        <Button onClick={onBack}>上一步</Button>
        <Button type="primary" size="large" disabled={missing.length > 0} onClick={onNext}>
          下一步
        </Button>
      </Space>
    </>
  );
}
