import { Card, Result, Space, Steps, Typography } from 'antd';
import { useQuery, useQueryClient } from '@tanstack/react-query';
import { useNavigate, useParams, useSearchParams } from 'react-router';
import { api } from '../../shared/api';
import { DocumentLinks } from './DocumentLinks';
import { LinkButton } from '../../shared/LinkButton';
import { LoadError, Loading } from '../../shared/page-state';
import { CertificateStep } from './CertificateStep';
import { ConfirmStep } from './ConfirmStep';
import { MaterialsStep } from './MaterialsStep';
import { PersonalStep } from './PersonalStep';
import { serviceTitle, STEP_TITLES, STEPS, type ApplicationView, type StepKey } from './types';

/** Where a returning person resumes: the first step not yet done. */
function resumeStep(a: ApplicationView): StepKey {
  if (!a.certificate) return 'certificate';
  const personalDone = a.service === 'INTEGRITY_ASSESSMENT' ? true : a.service === 'CANCEL' ? Boolean(a.serviceFields.scope) : Boolean(a.collectionMethod);
  if (!personalDone) return 'personal';
  if (a.requiredMaterials.some((m) => m.required && !a.materials.some((f) => f.materialCode === m.code))) return 'materials';
  return 'confirm';
}

/** The online application after 业务须知: 证照信息 → 个人信息 → 申请材料 → 确认信息, each step saved as a draft. */
export function ApplicationWizard() {
  const { id = '' } = useParams();
  const [params, setParams] = useSearchParams();
  const navigate = useNavigate();
  const queryClient = useQueryClient();
  const key = ['application', id];
  const application = useQuery({ queryKey: key, queryFn: () => api<ApplicationView>(`/api/applications/${id}`) });
  if (application.isPending) return <Loading />;
  if (application.isError) return <LoadError error={application.error} />;
  const a = application.data;
  if (a.status !== 'DRAFT') {
    return <Result status="info" title="该申请已提交" extra={<LinkButton type="primary" to={`/applications/${a.id}`}>查看办件</LinkButton>} />;
  }
  const requested = params.get('step') as StepKey | null;
  const step: StepKey = requested && STEPS.includes(requested) ? requested : resumeStep(a);
  const goTo = (next: StepKey) => setParams({ step: next });
  const update = (view: ApplicationView) => queryClient.setQueryData(key, view);
  const save = (path: string, next: StepKey) => async (body: unknown) => {
    update(await api<ApplicationView>(`/api/applications/${id}/${path}`, { method: 'PUT', body }));
    goTo(next);
  };

  return (
    <Card>
      <Typography.Title level={1} style={{ fontSize: 24 }}>
        {serviceTitle(a)}
      </Typography.Title>
      <Steps current={STEPS.indexOf(step)} items={STEPS.map((s) => ({ title: STEP_TITLES[s] }))} style={{ marginBottom: 24 }} />
      <Typography.Title level={2} style={{ fontSize: 20 }}>
        {STEP_TITLES[step]}
      </Typography.Title>
      {step === 'certificate' && <CertificateStep application={a} onSaved={save('certificate', 'personal')} />}
      {step === 'personal' && <PersonalStep application={a} onSaved={save('personal', 'materials')} onBack={() => goTo('certificate')} />}
      {step === 'materials' && <MaterialsStep application={a} onChanged={update} onNext={() => goTo('confirm')} onBack={() => goTo('personal')} />}
      {step === 'confirm' && (
        <ConfirmStep
          application={a}
          goTo={goTo}
          onSubmitted={(view) => {
            // Navigate first: with the submitted view in the cache this page would send the person to the detail page.
            void navigate(`/applications/${view.id}/submitted`, { replace: true });
            queryClient.setQueryData(key, view);
            void queryClient.invalidateQueries({ queryKey: ['applications'] });
          }}
        />
      )}
    </Card>
  );
}

/** After 确认提交: the 办件编号, what happens next, who handles it and by when, the way to 我的办件. */
export function SubmittedPage() {
  const { id = '' } = useParams();
  const application = useQuery({ queryKey: ['application', id], queryFn: () => api<ApplicationView>(`/api/applications/${id}`) });
  if (application.isPending) return <Loading />;
  if (application.isError) return <LoadError error={application.error} />;
  const a = application.data;
  return (
    <Result
      status="success"
      title="申请已提交"
      subTitle={
        <>
          <Typography.Paragraph style={{ fontSize: 18 }}>
            办件编号：<strong data-testid="apply-no">{a.applyNo}</strong>
          </Typography.Paragraph>
          <Typography.Paragraph>
            {a.handlingAuthority?.name}将审核您的申请。受理后法定办结时限为20个工作日，承诺{a.promisedDays}个工作日内办结。办理进度可以随时在“我的办件”中查看。
          </Typography.Paragraph>
          {a.handlingAuthority && <Typography.Paragraph>咨询电话：{a.handlingAuthority.phone}（{a.handlingAuthority.serviceHours}）</Typography.Paragraph>}
        </>
      }
      extra={
        <Space wrap style={{ justifyContent: 'center' }}>
          <LinkButton type="primary" to="/applications">
            查看我的办件
          </LinkButton>
          <DocumentLinks application={a} kinds={['RECEIPT']} />
        </Space>
      }
    />
  );
}
