import { Descriptions } from 'antd';
import { ZHANGQIU_STREETS } from '@huanxin/shared';
import { useTranslation } from 'react-i18next';
import { env } from '@/config/env';
import { localized } from '@/lib/i18n';
import type { MaskedProfile } from '../api/get-profile';

function formatTime(iso: string, language: string): string {
  const date = new Date(iso);
  if (Number.isNaN(date.getTime())) return iso;
  return new Intl.DateTimeFormat(language === 'en' ? 'en-GB' : 'zh-CN', {
    timeZone: env.timeZone,
    dateStyle: 'medium',
    timeStyle: 'short',
  }).format(date);
}

/** The saved profile exactly as the server masked it (ID `1101**********002X`, card `**** **** **** 4473`). */
export function ProfileView({ profile }: { profile: MaskedProfile }) {
  const { t, i18n } = useTranslation('profile');
  const street = ZHANGQIU_STREETS.find((s) => s.code === profile.street);
  const items = [
    { key: 'name', label: t('fields.name'), children: profile.name },
    {
      key: 'idNumber',
      label: t('fields.idNumber'),
      children: <span className="hx-masked">{profile.idNumberMasked}</span>,
    },
    {
      key: 'phone',
      label: t('fields.phone'),
      children: <span className="hx-masked">{profile.phoneMasked || '—'}</span>,
    },
    {
      key: 'street',
      label: t('fields.street'),
      children: street ? localized(street, i18n.language) : profile.street,
    },
    { key: 'address', label: t('fields.address'), children: profile.address },
    { key: 'bankName', label: t('fields.bankName'), children: profile.bankName },
    {
      key: 'bankAccount',
      label: t('fields.bankAccount'),
      children: <span className="hx-masked">{profile.bankAccountMasked}</span>,
    },
    {
      key: 'consentAt',
      label: t('fields.consentAt'),
      children: formatTime(profile.consentAt, i18n.language),
    },
  ];
  return (
    <div data-testid="profile-view">
      <Descriptions column={1} bordered size="middle" items={items} className="hx-profile-view" />
      <p className="hx-note">{t('view.maskedNote')}</p>
    </div>
  );
}
