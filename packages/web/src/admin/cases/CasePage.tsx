import { useState } from 'react';
import { Alert, App, Button, Card, Col, Collapse, Descriptions, Image, Modal, Row, Select, Space, Timeline, Typography } from 'antd';
import { useQuery, useQueryClient } from '@tanstack/react-query';
import { Link, useParams } from 'react-router';
import { applicationActionNames, CASE_ROLES, type ApplicationAction } from '@yunzheng/domain';
import { api } from '../../shared/api';
import { LoadError, Loading } from '../../shared/page-state';
import { PdfPreview } from '../../shared/PdfPreview';
import { StatusTag } from '../../shared/StatusTag';
import type { StaffSummary } from '../../shared/session';
import { ActionDialog } from './ActionDialog';
import { DeadlineTag } from './DeadlineTag';
import { GradingPanel } from './GradingPanel';
import { RevealableValue } from './RevealableValue';
import type { CaseDetail } from './types';

const when = (at: string | null) => (at ? new Date(at).toLocaleString('zh-CN', { hour12: false }) : '—');
const REISSUE_REASONS: Record<string, string> = { LOST: '遗失', DAMAGED: '毁损' };
const DANGER: ApplicationAction[] = ['REJECT', 'DENY'];

/**
 * The case page (办件详情): masked applicant and certificate data with 查看完整信息 per field, the agreed notice
 * version, personal information and delivery, materials inline, the timeline with the clerks' names, the deadlines,
 * 评级 for 诚信考核, and only the actions the current status allows this clerk — after 认领.
 */
export function CasePage({ staff }: { staff: StaffSummary }) {
  const { id = '' } = useParams();
  const detail = useQuery({ queryKey: ['admin', 'cases', id], queryFn: () => api<CaseDetail>(`/api/admin/cases/${id}`) });
  const [action, setAction] = useState<ApplicationAction>();
  if (detail.isPending) return <Loading />;
  if (detail.isError) return <LoadError error={detail.error} onRetry={() => void detail.refetch()} />;
  const c = detail.data;
  const mine = c.claim.claimedByMe;
  return (
    <Space direction="vertical" size={16} style={{ width: '100%' }}>
      <Card>
        <Link to="/admin/cases">← 返回办件队列</Link>
        <Typography.Title level={1} style={{ fontSize: 24, marginTop: 8 }}>
          {c.serviceName}
          {c.variantName ? `（${c.variantName}）` : ''} · {c.applyNo}
        </Typography.Title>
        <Space wrap>
          <StatusTag tone="info">{c.statusName}</StatusTag>
          {c.deadlines.status && <DeadlineTag deadline={c.deadlines.status} dueDate={c.deadlines.dueDate} />}
          <span>办理部门：{c.handlingAuthority?.name}</span>
        </Space>
        {c.readOnly ? (
          <Alert style={{ marginTop: 12 }} type="info" showIcon title="本办件由下级管理部门办理，您可以查看，不能办理。" />
        ) : (
          <ClaimBar detail={c} staff={staff} />
        )}
        {mine && c.staffActions.length > 0 && (
          <Space wrap style={{ marginTop: 12 }} aria-label="办理操作">
            {c.staffActions.map((a) => (
              <Button key={a} type={DANGER.includes(a) ? 'default' : 'primary'} danger={DANGER.includes(a)} onClick={() => setAction(a)}>
                {applicationActionNames[a]}
              </Button>
            ))}
          </Space>
        )}
      </Card>
      {action && <ActionDialog detail={c} action={action} onClose={() => setAction(undefined)} />}
      <Row gutter={[16, 16]}>
        <Col xs={24} xl={14}>
          <Card title="申请信息" size="small">
            <Descriptions size="small" column={1} bordered>
              {c.applicant && (
                <>
                  <Descriptions.Item label="申请人">
                    <RevealableValue caseId={c.id} field="applicantName" masked={c.applicant.nameMasked} label="姓名" />
                  </Descriptions.Item>
                  <Descriptions.Item label="身份证号">{c.applicant.idNumberMasked && <RevealableValue caseId={c.id} field="idNumber" masked={c.applicant.idNumberMasked} label="身份证号" />}</Descriptions.Item>
                  <Descriptions.Item label="手机号">
                    <RevealableValue caseId={c.id} field="mobile" masked={c.applicant.mobileMasked} label="手机号" />
                  </Descriptions.Item>
                  <Descriptions.Item label="实名认证">{c.applicant.realNameVerifiedAt ? `已认证（${when(c.applicant.realNameVerifiedAt)}）` : '未认证'}</Descriptions.Item>
                </>
              )}
              <Descriptions.Item label="申请类别">{c.categories.map((k) => k.name).join('、')}</Descriptions.Item>
              {c.serviceFields.reason && c.service === 'REISSUE' && <Descriptions.Item label="补发原因">{REISSUE_REASONS[c.serviceFields.reason]}</Descriptions.Item>}
              {c.serviceFields.employerName && <Descriptions.Item label="新服务单位">{`${c.serviceFields.employerName}（${c.serviceFields.employerUscc}）`}</Descriptions.Item>}
              {c.serviceFields.contactMobile && (
                <Descriptions.Item label="变更后联系电话">
                  <RevealableValue caseId={c.id} field="contactMobile" masked={c.serviceFields.contactMobile} label="联系电话" />
                </Descriptions.Item>
              )}
              {c.serviceFields.residentialAddress && (
                <Descriptions.Item label="变更后住址">
                  <RevealableValue caseId={c.id} field="residentialAddress" masked={c.serviceFields.residentialAddress} label="住址" />
                </Descriptions.Item>
              )}
              {c.service === 'CANCEL' && <Descriptions.Item label="注销">{`本人申请，${c.serviceFields.scope === 'ALL' ? '全部类别' : '部分类别'}`}</Descriptions.Item>}
              {c.collectionMethod && <Descriptions.Item label="证件领取方式">{c.collectionMethod === 'PICKUP' ? '窗口自取' : '邮寄'}</Descriptions.Item>}
              {c.mailingAddress && (
                <Descriptions.Item label="邮寄地址">
                  <RevealableValue caseId={c.id} field="mailingAddress" masked={`${c.mailingAddress.recipientName} ${c.mailingAddress.mobileMasked} ${c.mailingAddress.regionNames.province}${c.mailingAddress.regionNames.city}${c.mailingAddress.regionNames.district}${c.mailingAddress.detail}`} label="邮寄地址" />
                </Descriptions.Item>
              )}
              <Descriptions.Item label="业务须知">
                {`${c.noticeVersion} 版，${when(c.noticeAgreedAt)} 同意并确认`}
                {c.notice && (
                  <Collapse
                    size="small"
                    style={{ marginTop: 8 }}
                    items={[{ key: 'notice', label: '查看申请人同意的须知原文', children: c.notice.sections.map((s) => <div key={s.heading}><strong>{s.heading}</strong>{s.lines.map((l) => <p key={l} style={{ margin: '2px 0' }}>{l}</p>)}</div>) }]}
                  />
                )}
              </Descriptions.Item>
              <Descriptions.Item label="提交时间">{when(c.submittedAt)}</Descriptions.Item>
            </Descriptions>
          </Card>
          {c.certificateDetail && (
            <Card title="从业资格证" size="small" style={{ marginTop: 16 }}>
              <Descriptions size="small" column={{ xs: 1, md: 2 }} bordered>
                <Descriptions.Item label="证号">{c.certificateDetail.certNo}</Descriptions.Item>
                <Descriptions.Item label="持证人">{c.certificateDetail.holderNameMasked}</Descriptions.Item>
                <Descriptions.Item label="服务单位">{c.certificateDetail.employerName ?? '—'}</Descriptions.Item>
                <Descriptions.Item label="档案号">{c.certificateDetail.archiveNo ?? '—'}</Descriptions.Item>
              </Descriptions>
              <ul style={{ margin: '8px 0 0', paddingInlineStart: 20 }}>
                {c.certificateDetail.categories.map((k) => (
                  <li key={k.code}>{`${k.name}：初次领证 ${k.firstIssueDate}，发证 ${k.issueDate}，有效期至 ${k.validTo}（${k.stateName}）`}</li>
                ))}
              </ul>
            </Card>
          )}
          {c.grading && <GradingPanel detail={c} canEdit={mine && ['ACCEPTED', 'UNDER_REVIEW'].includes(c.status)} />}
          <Card title="申请材料" size="small" style={{ marginTop: 16 }}>
            {c.materials.length === 0 && '无'}
            <Image.PreviewGroup>
              <Space direction="vertical" style={{ width: '100%' }}>
                {c.materials.map((m) => {
                  const url = `/api/admin/cases/${c.id}/materials/${m.id}/file`;
                  const name = c.requiredMaterials.find((r) => r.code === m.materialCode)?.name ?? m.materialCode;
                  return (
                    <div key={m.id}>
                      <Typography.Text strong>{name}</Typography.Text>
                      <Typography.Text type="secondary">{`（${m.originalName}，${Math.round(m.bytes / 1024)} KB）`}</Typography.Text>
                      <div style={{ marginTop: 4 }}>{m.mime === 'application/pdf' ? <PdfPreview url={url} title={name} /> : <Image src={url} alt={name} width={220} />}</div>
                    </div>
                  );
                })}
              </Space>
            </Image.PreviewGroup>
          </Card>
        </Col>
        <Col xs={24} xl={10}>
          {c.documents.length > 0 && <DocumentsCard detail={c} staff={staff} />}
          <Card title="办理时限" size="small" style={{ marginTop: c.documents.length > 0 ? 16 : 0 }}>
            <Descriptions size="small" column={1} bordered>
              {c.deadlines.acceptanceDeadline && <Descriptions.Item label="受理期限（5个工作日）">{c.deadlines.acceptanceDeadline}</Descriptions.Item>}
              {c.deadlines.correctionDeadline && <Descriptions.Item label="补正期限">{c.deadlines.correctionDeadline}</Descriptions.Item>}
              <Descriptions.Item label="承诺办结期限">{c.deadlines.promisedDeadline ?? (c.promisedDays ? `受理后${c.promisedDays}个工作日` : '—')}</Descriptions.Item>
              <Descriptions.Item label="法定办结期限（20个工作日）">{c.deadlines.legalDeadline ?? '受理后起算'}</Descriptions.Item>
              <Descriptions.Item label="当前期限">
                <DeadlineTag deadline={c.deadlines.status} dueDate={c.deadlines.dueDate} />
              </Descriptions.Item>
              {c.deadlines.overdueFlaggedAt && <Descriptions.Item label="超期标记">{when(c.deadlines.overdueFlaggedAt)}</Descriptions.Item>}
            </Descriptions>
          </Card>
          <Card title="办理过程" size="small" style={{ marginTop: 16 }}>
            <Timeline
              items={c.staffTimeline.map((s) => ({
                children: (
                  <div>
                    <div>
                      <strong>{s.actionName}</strong>（{s.statusName}）
                    </div>
                    <div style={{ color: '#555' }}>
                      {when(s.at)} · {s.by}
                    </div>
                    {s.opinion && <div>意见：{s.opinion}</div>}
                    {Array.isArray(s.details.correctionItems) && <div>补正：{(s.details.correctionItems as { materialCode: string; note: string }[]).map((i) => `${c.requiredMaterials.find((m) => m.code === i.materialCode)?.name ?? i.materialCode}（${i.note}）`).join('；')}</div>}
                    {typeof s.details.trackingNo === 'string' && <div>{`邮寄：${String(s.details.courier ?? '')} ${s.details.trackingNo}`}</div>}
                    {typeof s.details.grade === 'string' && <div>{`等级：${s.details.grade}（建议 ${String(s.details.suggestedGrade)}，计分 ${String(s.details.totalPoints)}）`}</div>}
                  </div>
                ),
              }))}
            />
          </Card>
        </Col>
      </Row>
    </Space>
  );
}

/** 认领 / 退回 / 转办. */
function ClaimBar({ detail, staff }: { detail: CaseDetail; staff: StaffSummary }) {
  const { message } = App.useApp();
  const queryClient = useQueryClient();
  const [assigning, setAssigning] = useState(false);
  const refresh = () => queryClient.invalidateQueries({ queryKey: ['admin', 'cases'] });
  const call = (path: string, done: string) =>
    api(`/api/admin/cases/${detail.id}/${path}`, { method: 'POST' })
      .then(() => message.success(done))
      .catch((e: Error) => message.error(e.message))
      .finally(() => void refresh());
  const { claimedByName, claimedByMe } = detail.claim;
  return (
    <Space wrap style={{ marginTop: 12, display: 'flex' }}>
      {claimedByMe ? (
        <>
          <Typography.Text>您已认领本办件。</Typography.Text>
          <Button onClick={() => void call('release', '已退回队列')}>退回队列</Button>
        </>
      ) : claimedByName ? (
        <Typography.Text>已由{claimedByName}认领。</Typography.Text>
      ) : detail.staffActions.length > 0 ? (
        <Button type="primary" onClick={() => void call('claim', '已认领，可以办理')}>
          认领
        </Button>
      ) : (
        <Typography.Text type="secondary">{detail.queue === 'DONE' ? '本办件已办结。' : detail.status === 'CORRECTION_REQUIRED' ? '等待申请人补正。' : '当前环节不需要您办理。'}</Typography.Text>
      )}
      {staff.roles.includes('ADMIN') && detail.queue !== 'DONE' && detail.status !== 'CORRECTION_REQUIRED' && <Button onClick={() => setAssigning(true)}>转办</Button>}
      {assigning && <AssignDialog caseId={detail.id} onClose={() => { setAssigning(false); void refresh(); }} />}
    </Space>
  );
}

function AssignDialog({ caseId, onClose }: { caseId: string; onClose: () => void }) {
  const { message } = App.useApp();
  const assignees = useQuery({ queryKey: ['admin', 'cases', caseId, 'assignees'], queryFn: () => api<{ id: string; name: string }[]>(`/api/admin/cases/${caseId}/assignees`) });
  const [staffId, setStaffId] = useState<string>();
  return (
    <Modal
      open
      title="转办给本单位工作人员"
      okText="转办"
      cancelText="取消"
      okButtonProps={{ disabled: !staffId }}
      onCancel={onClose}
      onOk={() =>
        void api(`/api/admin/cases/${caseId}/assign`, { body: { staffId } })
          .then(() => message.success('已转办'))
          .catch((e: Error) => message.error(e.message))
          .finally(onClose)
      }
    >
      <Select aria-label="转办给" style={{ width: '100%' }} placeholder="选择能办理当前环节的工作人员" loading={assignees.isPending} options={(assignees.data ?? []).map((s) => ({ value: s.id, label: s.name }))} onChange={setStaffId} />
    </Modal>
  );
}

/** Issued documents of the case: open the PDF, or 重新打印 (a new 编号 and 核验码; the old one stops verifying as valid). */
function DocumentsCard({ detail, staff }: { detail: CaseDetail; staff: StaffSummary }) {
  const { message, modal } = App.useApp();
  const queryClient = useQueryClient();
  const mayReprint = !detail.readOnly && staff.roles.some((r) => CASE_ROLES.includes(r));
  const reprint = (d: CaseDetail['documents'][number]) =>
    modal.confirm({
      title: `重新打印${d.kindName}？`,
      content: `将生成新的编号和核验码；原文书 ${d.docNo} 核验时将显示“已被新版本替代”。`,
      okText: '重新打印',
      cancelText: '取消',
      onOk: () =>
        api<{ docNo: string }>(`/api/admin/cases/${detail.id}/documents/${d.id}/reprint`, { method: 'POST' })
          .then((r) => message.success(`已生成 ${r.docNo}`))
          .catch((e: Error) => message.error(e.message))
          .finally(() => void queryClient.invalidateQueries({ queryKey: ['admin', 'cases', detail.id] })),
    });
  return (
    <Card title="文书" size="small">
      <Space direction="vertical" style={{ width: '100%' }}>
        {detail.documents.map((d) => (
          <Space key={d.id} wrap style={{ justifyContent: 'space-between', width: '100%' }}>
            <span>
              {d.kindName} {d.docNo} <StatusTag tone={d.status === 'VALID' ? 'success' : 'neutral'}>{d.status === 'VALID' ? '有效' : '已替代'}</StatusTag>
            </span>
            <Space>
              <Button size="small" href={`/api/admin/cases/${detail.id}/documents/${d.id}/file`} target="_blank" rel="noreferrer">
                查看
              </Button>
              {mayReprint && d.status === 'VALID' && (
                <Button size="small" onClick={() => reprint(d)}>
                  重新打印
                </Button>
              )}
            </Space>
          </Space>
        ))}
      </Space>
    </Card>
  );
}
