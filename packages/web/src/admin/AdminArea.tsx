import { Route, Routes } from 'react-router';
import { SiteHeader } from '../shared/SiteHeader';
import { NotFoundPage } from '../shared/page-state';
import { SignInPage } from './SignInPage';

/** The back office (受理审核) for the staff of the transport authorities. */
export default function AdminArea() {
  return (
    <>
      <SiteHeader subtitle="道路运政一网通办 · 管理部门业务系统" />
      <main id="main" className="page">
        <Routes>
          <Route index element={<SignInPage />} />
          <Route path="*" element={<NotFoundPage />} />
        </Routes>
      </main>
    </>
  );
}
