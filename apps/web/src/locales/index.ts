import zhCommon from './zh-CN/common.json';
import zhHome from './zh-CN/home.json';
import zhErrors from './zh-CN/errors.json';
import zhConsole from './zh-CN/console.json';
import enCommon from './en/common.json';
import enHome from './en/home.json';
import enErrors from './en/errors.json';
import enConsole from './en/console.json';

export const namespaces = ['common', 'home', 'errors', 'console'] as const;

export const resources = {
  'zh-CN': { common: zhCommon, home: zhHome, errors: zhErrors, console: zhConsole },
  en: { common: enCommon, home: enHome, errors: enErrors, console: enConsole },
} as const;
