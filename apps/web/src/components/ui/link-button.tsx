import type { ReactNode } from 'react';
import { Link } from 'react-router';

/** A router link that looks like a button (a link must not wrap a <button>). */
export function LinkButton({
  to,
  children,
  variant = 'primary',
  size = 'middle',
  icon,
}: {
  to: string;
  children: ReactNode;
  variant?: 'primary' | 'default';
  size?: 'middle' | 'large';
  icon?: ReactNode;
}) {
  return (
    <Link to={to} className={`hx-link-button hx-link-button--${variant} hx-link-button--${size}`}>
      {icon}
      <span>{children}</span>
    </Link>
  );
}
