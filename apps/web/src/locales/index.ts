import zhCommon from './zh-CN/common.json';
import zhHome from './zh-CN/home.json';
import zhErrors from './zh-CN/errors.json';
import zhConsole from './zh-CN/console.json';
import zhPrograms from './zh-CN/programs.json';
import zhEligibility from './zh-CN/eligibility.json';
import zhAuth from './zh-CN/auth.json';
import zhProfile from './zh-CN/profile.json';
import zhApplications from './zh-CN/applications.json';
import zhReview from './zh-CN/review.json';
import zhPayments from './zh-CN/payments.json';
import zhDealer from './zh-CN/dealer.json';
import zhStats from './zh-CN/stats.json';
import zhFunding from './zh-CN/funding.json';
import zhLedger from './zh-CN/ledger.json';
import zhAudit from './zh-CN/audit.json';
import zhVouchers from './zh-CN/vouchers.json';
import zhLottery from './zh-CN/lottery.json';
import zhEditor from './zh-CN/editor.json';
import zhUsers from './zh-CN/users.json';
import enCommon from './en/common.json';
import enHome from './en/home.json';
import enErrors from './en/errors.json';
import enConsole from './en/console.json';
import enPrograms from './en/programs.json';
import enEligibility from './en/eligibility.json';
import enAuth from './en/auth.json';
import enProfile from './en/profile.json';
import enApplications from './en/applications.json';
import enReview from './en/review.json';
import enPayments from './en/payments.json';
import enDealer from './en/dealer.json';
import enStats from './en/stats.json';
import enFunding from './en/funding.json';
import enLedger from './en/ledger.json';
import enAudit from './en/audit.json';
import enVouchers from './en/vouchers.json';
import enLottery from './en/lottery.json';
import enEditor from './en/editor.json';
import enUsers from './en/users.json';

export const namespaces = [
  'common',
  'home',
  'errors',
  'console',
  'programs',
  'eligibility',
  'auth',
  'profile',
  'applications',
  'review',
  'payments',
  'dealer',
  'stats',
  'funding',
  'ledger',
  'audit',
  'vouchers',
  'lottery',
  'editor',
  'users',
] as const;

export const resources = {
  'zh-CN': {
    common: zhCommon,
    home: zhHome,
    errors: zhErrors,
    console: zhConsole,
    programs: zhPrograms,
    eligibility: zhEligibility,
    auth: zhAuth,
    profile: zhProfile,
    applications: zhApplications,
    review: zhReview,
    payments: zhPayments,
    dealer: zhDealer,
    stats: zhStats,
    funding: zhFunding,
    ledger: zhLedger,
    audit: zhAudit,
    vouchers: zhVouchers,
    lottery: zhLottery,
    editor: zhEditor,
    users: zhUsers,
  },
  en: {
    common: enCommon,
    home: enHome,
    errors: enErrors,
    console: enConsole,
    programs: enPrograms,
    eligibility: enEligibility,
    auth: enAuth,
    profile: enProfile,
    applications: enApplications,
    review: enReview,
    payments: enPayments,
    dealer: enDealer,
    stats: enStats,
    funding: enFunding,
    ledger: enLedger,
    audit: enAudit,
    vouchers: enVouchers,
    lottery: enLottery,
    editor: enEditor,
    users: enUsers,
  },
} as const;
