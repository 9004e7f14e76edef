import { describe, expect, it } from 'vitest';
import { act, fireEvent, screen } from '@testing-library/react';
import { LanguageSwitch } from '@/components/ui/language-switch';
import { renderWithApp } from '@/test/render';
import { createI18n, LANGUAGE_STORAGE_KEY, readStoredLanguage } from './i18n';

describe('i18n', () => {
  it('defaults to zh-CN and sets <html lang>', () => {
    const i18n = createI18n();
    expect(i18n.language).toBe('zh-CN');
    expect(document.documentElement.lang).toBe('zh-CN');
    expect(i18n.t('siteName')).toBe('章丘区以旧换新补贴服务平台');
  });

  it('ignores a stored value that is not a supported language', () => {
    window.localStorage.setItem(LANGUAGE_STORAGE_KEY, 'fr');
    expect(readStoredLanguage()).toBe('zh-CN');
  });

  it('switching from the header persists the choice (and only the choice) and updates <html lang>', async () => {
    const { i18n } = renderWithApp(<LanguageSwitch />);
    const button = screen.getByRole('button', { name: '切换语言 / Switch language' });
    expect(button.textContent).toContain('English');

    await act(async () => {
      fireEvent.click(button);
      await Promise.resolve();
    });

    expect(i18n.language).toBe('en');
    expect(document.documentElement.lang).toBe('en');
    expect(window.localStorage.getItem(LANGUAGE_STORAGE_KEY)).toBe('en');
    expect(Object.keys(window.localStorage)).toEqual([LANGUAGE_STORAGE_KEY]);
    expect(screen.getByRole('button', { name: '切换语言 / Switch language' }).textContent).toContain('中文');

    // A new page load reads the stored choice.
    const reloaded = createI18n();
    expect(reloaded.language).toBe('en');
    expect(reloaded.t('siteName')).toBe('Zhangqiu Trade-in Subsidy Portal');
  });

  it('every English key has a Chinese counterpart and vice versa', async () => {
    const { resources } = await import('@/locales');
    const keys = (obj: unknown, prefix = ''): string[] =>
      typeof obj === 'object' && obj !== null
        ? Object.entries(obj).flatMap(([k, v]) => keys(v, prefix ? `${prefix}.${k}` : k))
        : [prefix];
    expect(keys(resources.en).sort()).toEqual(keys(resources['zh-CN']).sort());
  });
});
