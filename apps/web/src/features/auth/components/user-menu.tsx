import { DownOutlined, LogoutOutlined, UserOutlined } from '@ant-design/icons';
import { Button, Dropdown, type MenuProps } from 'antd';
import { useNavigate } from 'react-router';
import { useTranslation } from 'react-i18next';
import { useSession } from '../hooks/use-session';

/**
 * The header's user menu: who is signed in (display name, or the masked phone for a resident) and
 * "sign out". Residents also get their profile here (the phone tab bar has no room for sign-out).
 */
export function UserMenu({ className }: { className?: string }) {
  const { t } = useTranslation('auth');
  const navigate = useNavigate();
  const { user, signOut, signingOut } = useSession();
  if (!user) return null;
  const name = user.role === 'resident' ? (user.phoneMasked ?? user.displayName) : user.displayName;
  const items: MenuProps['items'] = [
    { key: 'who', type: 'group', label: t(`roles.${user.role}`) },
    ...(user.role === 'resident'
      ? [{ key: 'profile', icon: <UserOutlined aria-hidden />, label: t('menu.profile') }]
      : []),
    { key: 'sign-out', icon: <LogoutOutlined aria-hidden />, label: t('menu.signOut'), disabled: signingOut },
  ];
  const onClick: MenuProps['onClick'] = ({ key }) => {
    if (key === 'profile') void navigate('/me/profile');
    if (key === 'sign-out') void signOut();
  };
  return (
    <Dropdown menu={{ items, onClick }} trigger={['click']} placement="bottomRight">
      <Button
        type="text"
        className={`hx-user-menu ${className ?? ''}`}
        icon={<UserOutlined aria-hidden />}
        aria-label={t('menu.label', { name })}
        data-testid="user-menu"
      >
        <span className="hx-user-menu__name">{name}</span>
        <DownOutlined aria-hidden className="hx-user-menu__caret" />
      </Button>
    </Dropdown>
  );
}
