import { Button, Layout, Menu, Space, Typography } from 'antd';
import { Navigate, Route, Routes, useLocation, useNavigate } from 'react-router';
import { staffRoleNames, worksCases } from '@yunzheng/domain';
import { Loading, NotFoundPage } from '../shared/page-state';
import { SessionTimeoutWarning } from '../shared/SessionTimeoutWarning';
import { SiteHeader } from '../shared/SiteHeader';
import { useStaffSession, type StaffSummary } from '../shared/session';
import { useSessionActions } from '../shared/useSessionActions';
import { AuditPage } from './AuditPage';
import { DashboardPage } from './DashboardPage';
import { CasesPage } from './cases/CasesPage';
import { CasePage } from './cases/CasePage';
import { ArchiveTransfersPage } from './ArchiveTransfersPage';
import { SettingsPage } from './SettingsPage';
import { OwnPasswordPage } from './OwnPasswordPage';
import { SignInPage } from './SignInPage';
import { StaffPage } from './StaffPage';


function menuFor(staff: StaffSummary) {
  return [
    { key: '/admin/home', label: '工作台' },
    ...(worksCases(staff.roles) ? [{ key: '/admin/cases', label: '办件' }, { key: '/admin/archive-transfers', label: '档案转出' }] : []),
    ...(staff.roles.includes('ADMIN') ? [{ key: '/admin/settings', label: '事项设置' }] : []),
    ...(staff.roles.includes('ADMIN') ? [{ key: '/admin/staff', label: '工作人员管理' }] : []),
    ...(staff.roles.includes('AUDITOR') ? [{ key: '/admin/audit', label: '审计日志' }] : []),
    { key: '/admin/password', label: '修改密码' },
  ];
}

function SignedIn() {
  const session = useStaffSession();
  const navigate = useNavigate();
  const location = useLocation();
  const { logout, extend, expired } = useSessionActions('staff');
  if (session.isPending) return <Loading />;
  if (!session.data?.authenticated || !session.data.staff) return <Navigate to="/admin" replace />;
  const staff = session.data.staff;
  return (
    <Layout style={{ background: 'transparent' }}>
      <Layout.Sider width={200} breakpoint="md" collapsedWidth={0} theme="light" style={{ background: '#fff', borderRadius: 8 }}>
        <Menu mode="inline" selectedKeys={[location.pathname.startsWith('/admin/cases') ? '/admin/cases' : location.pathname]} items={menuFor(staff)} onClick={({ key }) => void navigate(key)} style={{ borderInlineEnd: 0 }} />
      </Layout.Sider>
      <Layout.Content style={{ paddingLeft: 16, minWidth: 0 }}>
        <Space style={{ width: '100%', justifyContent: 'flex-end', marginBottom: 12 }} wrap>
          <Typography.Text>
            {staff.name}（{staff.roles.map((r) => staffRoleNames[r]).join('、')}）
          </Typography.Text>
          <Button onClick={() => void logout()}>退出</Button>
        </Space>
        <Routes>
          <Route path="home" element={<DashboardPage staff={staff} />} />
          <Route path="cases" element={worksCases(staff.roles) ? <CasesPage /> : <NotFoundPage />} />
          <Route path="cases/:id" element={worksCases(staff.roles) ? <CasePage staff={staff} /> : <NotFoundPage />} />
          <Route path="archive-transfers" element={worksCases(staff.roles) ? <ArchiveTransfersPage /> : <NotFoundPage />} />
          <Route path="settings" element={staff.roles.includes('ADMIN') ? <SettingsPage staff={staff} /> : <NotFoundPage />} />
          <Route path="staff" element={staff.roles.includes('ADMIN') ? <StaffPage /> : <NotFoundPage />} />
          <Route path="audit" element={staff.roles.includes('AUDITOR') ? <AuditPage /> : <NotFoundPage />} />
          <Route path="password" element={<OwnPasswordPage />} />
          <Route path="*" element={<NotFoundPage />} />
        </Routes>
      </Layout.Content>
      <SessionTimeoutWarning times={session.data} onExtend={extend} onExpired={expired} onLogout={() => void logout()} />
    </Layout>
  );
}

/** The back office (受理审核) for the staff of the transport authorities. */
export default function AdminArea() {
  return (
    <>
      <SiteHeader subtitle="道路运政一网通办 · 管理部门业务系统" />
      <main id="main" className="page">
        <Routes>
          <Route index element={<SignInPage />} />
          <Route path="*" element={<SignedIn />} />
        </Routes>
      </main>
    </>
  );
}
