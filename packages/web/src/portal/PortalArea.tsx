import { Badge, Button, Space } from 'antd';
import { useUnreadCount } from './MessagesTab';
import { Link, Route, Routes } from 'react-router';
import { LinkButton } from '../shared/LinkButton';
import { NotFoundPage } from '../shared/page-state';
import { SessionTimeoutWarning } from '../shared/SessionTimeoutWarning';
import { SiteHeader } from '../shared/SiteHeader';
import { useCitizenSession } from '../shared/session';
import { useSessionActions } from '../shared/useSessionActions';
import { DevSmsPage } from './DevSmsPage';
import { HomePage } from './HomePage';
import { LoginPage } from './LoginPage';
import { PasswordResetPage } from './PasswordResetPage';
import { PersonalSpacePage } from './PersonalSpacePage';
import { PublicQueryPage } from './PublicQueryPage';
import { VerifyPage } from './VerifyPage';
import { ApplicationWizard, SubmittedPage } from './apply/ApplicationWizard';
import { ApplicationDetailPage, MyApplicationsPage } from './apply/MyApplicationsPage';
import { NoticePage } from './apply/NoticePage';
import { ServicesPage } from './apply/ServicesPage';
import { RealNamePage } from './RealNamePage';
import { RegisterPage } from './RegisterPage';

function AccountNav() {
  const session = useCitizenSession();
  const { logout, extend, expired } = useSessionActions('citizen');
  const unread = useUnreadCount(!!session.data?.authenticated);
  const label = `个人空间${session.data?.citizen?.name ? `（${session.data.citizen.name}）` : ''}`;

  if (!session.data?.authenticated) {
    return (
      <Space>
        <LinkButton to="/login" ghost>
          登录
        </LinkButton>
        <LinkButton to="/register">注册</LinkButton>
      </Space>
    );
  }
  return (
    <Space>
      <LinkButton to="/applications" ghost>
        我的办件
      </LinkButton>
      <Badge count={unread.data?.unread ?? 0} size="small" color="#a8071a" title={`${unread.data?.unread ?? 0}条未读消息`}>
        <LinkButton to={unread.data?.unread ? '/me/messages' : '/me'} ghost aria-label={`${label}${unread.data?.unread ? `，${unread.data.unread}条未读消息` : ''}`}>
          {label}
        </LinkButton>
      </Badge>
      <Button onClick={() => void logout()}>退出</Button>
      <SessionTimeoutWarning times={session.data} onExtend={extend} onExpired={expired} onLogout={() => void logout()} />
    </Space>
  );
}

/** The citizens' site: header with the account entry points, the pages, the footer. */
export default function PortalArea() {
  return (
    <>
      <SiteHeader subtitle="道路运政一网通办 · 道路运输从业人员服务">
        <nav aria-label="主导航" className="site-nav">
          <LinkButton to="/" type="text">
            首页
          </LinkButton>
          <LinkButton to="/services" type="text">
            个人办事
          </LinkButton>
          {/* The seed guide: clicking 诚信考核 leads to 个人空间 — 我的证件. */}
          <LinkButton to="/me/certificates" type="text">
            诚信考核
          </LinkButton>
          <LinkButton to="/query" type="text">
            从业资格查询
          </LinkButton>
        </nav>
        <nav aria-label="用户菜单">
          <AccountNav />
        </nav>
      </SiteHeader>
      <main id="main" className="page">
        <Routes>
          <Route index element={<HomePage />} />
          <Route path="register" element={<RegisterPage />} />
          <Route path="realname" element={<RealNamePage />} />
          <Route path="login" element={<LoginPage />} />
          <Route path="password-reset" element={<PasswordResetPage />} />
          <Route path="me" element={<PersonalSpacePage />} />
          <Route path="me/:tab" element={<PersonalSpacePage />} />
          <Route path="query" element={<PublicQueryPage />} />
          <Route path="verify" element={<VerifyPage />} />
          <Route path="verify/:code" element={<VerifyPage />} />
          <Route path="services" element={<ServicesPage />} />
          <Route path="apply/:service" element={<NoticePage />} />
          <Route path="applications" element={<MyApplicationsPage />} />
          <Route path="applications/:id" element={<ApplicationDetailPage />} />
          <Route path="applications/:id/edit" element={<ApplicationWizard />} />
          <Route path="applications/:id/submitted" element={<SubmittedPage />} />
          <Route path="dev/sms" element={<DevSmsPage />} />
          <Route path="*" element={<NotFoundPage />} />
        </Routes>
      </main>
      <footer className="site-footer">
        运政通 Yunzheng · 道路运输从业人员从业资格证网上办理 · 所有事项均不收费 · <Link to="/verify">文书核验</Link>
      </footer>
    </>
  );
}
