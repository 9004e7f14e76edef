import zhCommon from './zh-CN/common.json';
import zhHome from './zh-CN/home.json';
import zhErrors from './zh-CN/errors.json';
import zhConsole from './zh-CN/console.json';
import zhPrograms from './zh-CN/programs.json';
import zhEligibility from './zh-CN/eligibility.json';
import enCommon from './en/common.json';
import enHome from './en/home.json';
import enErrors from './en/errors.json';
import enConsole from './en/console.json';
import enPrograms from './en/programs.json';
import enEligibility from './en/eligibility.json';

export const namespaces = ['common', 'home', 'errors', 'console', 'programs', 'eligibility'] as const;

export const resources = {
  'zh-CN': {
    common: zhCommon,
    home: zhHome,
    errors: zhErrors,
    console: zhConsole,
    programs: zhPrograms,
    eligibility: zhEligibility,
  },
  en: {
    common: enCommon,
    home: enHome,
    errors: enErrors,
    console: enConsole,
    programs: enPrograms,
    eligibility: enEligibility,
  },
} as const;
