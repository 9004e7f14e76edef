import type { ReactNode } from 'react';
import {
  AccountBookOutlined,
  AuditOutlined,
  BankOutlined,
  DashboardOutlined,
  ExperimentOutlined,
  FileDoneOutlined,
  FileSearchOutlined,
  PayCircleOutlined,
  SettingOutlined,
  ShopOutlined,
  TeamOutlined,
} from '@ant-design/icons';
import { Permission } from '@huanxin/shared';

export type ConsoleSection =
  | 'dashboard'
  | 'review'
  | 'approvals'
  | 'sampling'
  | 'payments'
  | 'funding'
  | 'programs'
  | 'users'
  | 'audit'
  | 'dealer'
  | 'dealerLedger'
  | 'organizations';

export interface ConsoleSectionDef {
  section: ConsoleSection;
  path: string;
  icon: ReactNode;
  /** Who sees the menu item and may open the page: the same map the API's guard enforces. */
  permission?: Permission;
}

/** The sections whose pages are built (the others say so). */
export const BUILT_SECTIONS: ReadonlySet<ConsoleSection> = new Set([
  'review',
  'approvals',
  'sampling',
  'payments',
  'funding',
  'dealer',
  'dealerLedger',
  'organizations',
  'users',
  'audit',
  'programs',
]);

/** The console's pages, in menu order. The dashboard is for every console user. */
export const consoleSections: readonly ConsoleSectionDef[] = [
  { section: 'dashboard', path: '/console', icon: <DashboardOutlined aria-hidden /> },
  {
    section: 'review',
    path: '/console/review',
    icon: <FileSearchOutlined aria-hidden />,
    permission: Permission.ReviewRead,
  },
  {
    // The approvers' queue: cases waiting for the four-eyes second approval.
    section: 'approvals',
    path: '/console/approvals',
    icon: <FileDoneOutlined aria-hidden />,
    permission: Permission.ReviewApproveHighValue,
  },
  {
    section: 'sampling',
    path: '/console/sampling',
    icon: <ExperimentOutlined aria-hidden />,
    permission: Permission.ReviewSample,
  },
  {
    // The commerce office: dealer registrations and organisation status.
    section: 'organizations',
    path: '/console/organizations',
    icon: <ShopOutlined aria-hidden />,
    permission: Permission.OrganizationsReview,
  },
  {
    section: 'payments',
    path: '/console/payments',
    icon: <PayCircleOutlined aria-hidden />,
    permission: Permission.PaymentsManage,
  },
  {
    // Tranches of money (finance, admin) and pauses (admin) of a program.
    section: 'funding',
    path: '/console/funding',
    icon: <BankOutlined aria-hidden />,
    permission: Permission.BudgetTranches,
  },
  {
    section: 'programs',
    path: '/console/programs',
    icon: <SettingOutlined aria-hidden />,
    permission: Permission.ProgramsManage,
  },
  {
    section: 'users',
    // The system and the security administrator (三员); each sees only its own actions.
    path: '/console/users',
    icon: <TeamOutlined aria-hidden />,
    permission: Permission.UsersAccounts,
  },
  {
    section: 'audit',
    path: '/console/audit',
    icon: <AuditOutlined aria-hidden />,
    permission: Permission.AuditRead,
  },
  {
    section: 'dealer',
    path: '/console/dealer',
    icon: <ShopOutlined aria-hidden />,
    permission: Permission.DealerOwn,
  },
  {
    // The dealer's money: advanced, in review, approved, in a batch, paid, owed back.
    section: 'dealerLedger',
    path: '/console/dealer/ledger',
    icon: <AccountBookOutlined aria-hidden />,
    permission: Permission.DealerOwn,
  },
];
