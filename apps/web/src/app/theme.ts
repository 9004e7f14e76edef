import type { ThemeConfig } from 'antd';

/**
 * A restrained government-portal palette: official red for identity (top bar), a deep official blue for
 * actions and links. Both pass WCAG AA against white (red #9f1d20 ≈ 7.9:1, blue #1a4f8b ≈ 8.1:1).
 */
export const palette = {
  red: '#9f1d20',
  blue: '#1a4f8b',
  gold: '#c9a45c',
  ink: '#1f2329',
  muted: '#4e5969',
  page: '#f4f5f7',
} as const;

export const theme: ThemeConfig = {
  cssVar: { key: 'hx' },
  token: {
    colorPrimary: palette.blue,
    colorLink: palette.blue,
    colorError: '#b42318',
    colorSuccess: '#237a3b',
    colorWarning: '#b25e09',
    colorInfo: palette.blue,
    colorText: palette.ink,
    colorTextSecondary: palette.muted,
    // antd's default description/tertiary greys are below 4.5:1 on white; these are ≈ 6:1.
    colorTextDescription: '#5c6573',
    colorTextTertiary: '#5c6573',
    colorBgLayout: palette.page,
    borderRadius: 6,
    fontFamily:
      '-apple-system, BlinkMacSystemFont, "PingFang SC", "Hiragino Sans GB", "Microsoft YaHei", "Noto Sans CJK SC", "Source Han Sans SC", "WenQuanYi Micro Hei", "Helvetica Neue", Arial, sans-serif',
  },
  components: {
    Layout: { headerBg: palette.red, siderBg: '#ffffff', bodyBg: palette.page },
    Menu: { itemSelectedBg: '#e8f0fa', itemSelectedColor: palette.blue, itemActiveBg: '#f0f4fa' },
    // The backgrounds antd derives from our darker status colours come out muddy grey; use light tints.
    Alert: {
      colorSuccessBg: '#edf7ef',
      colorSuccessBorder: '#a7d7b2',
      colorInfoBg: '#eef3fa',
      colorInfoBorder: '#a9c3e6',
      colorWarningBg: '#fff6e5',
      colorWarningBorder: '#f0d39c',
      colorErrorBg: '#fdf0ee',
      colorErrorBorder: '#f1b5ae',
    },
  },
};
