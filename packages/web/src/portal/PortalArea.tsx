import { Space } from 'antd';
import { Route, Routes } from 'react-router';
import { LinkButton } from '../shared/LinkButton';
import { SiteHeader } from '../shared/SiteHeader';
import { NotFoundPage } from '../shared/page-state';
import { HomePage } from './HomePage';

/** The citizens' site: header with the account entry points, the pages, the footer. */
export default function PortalArea() {
  return (
    <>
      <SiteHeader subtitle="道路运政一网通办 · 道路运输从业人员服务">
        <nav aria-label="账号">
          <Space>
            <LinkButton to="/login" ghost>
              登录
            </LinkButton>
            <LinkButton to="/register">注册</LinkButton>
          </Space>
        </nav>
      </SiteHeader>
      <main id="main" className="page">
        <Routes>
          <Route index element={<HomePage />} />
          <Route path="*" element={<NotFoundPage />} />
        </Routes>
      </main>
      <footer className="site-footer">运政通 Yunzheng · 道路运输从业人员从业资格证网上办理 · 所有事项均不收费</footer>
    </>
  );
}
