import type { ReactNode } from 'react';
import { Link } from 'react-router';

/** The blue header every page shares: brand on the left, whatever the area puts on the right. */
export function SiteHeader({ subtitle, children }: { subtitle: string; children?: ReactNode }) {
  return (
    <header className="site-header">
      <a className="skip-link" href="#main">
        跳到主要内容
      </a>
      <div className="site-header-inner">
        <Link to="/" className="site-brand" aria-label="运政通 首页">
          <img src="/favicon.svg" alt="" width={40} height={40} />
          <span>
            <strong>运政通</strong>
            <br />
            <span>{subtitle}</span>
          </span>
        </Link>
        {children}
      </div>
    </header>
  );
}
