import { can, isStaffRole, Permission, PASSWORD_ROLES, ROLE_PERMISSIONS, ROLES, type Role } from '../src';

/** 等保 三员: system administrator, security administrator and auditor hold disjoint duties. */
describe('三员: the three administrators hold separate permissions', () => {
  it.each([
    ['admin', Permission.UsersManage, true],
    ['admin', Permission.UsersAccounts, true],
    ['admin', Permission.UsersSecurity, false],
    ['admin', Permission.AuditRead, false],
    ['admin', Permission.PersonalDataReveal, false],
    ['security_admin', Permission.UsersSecurity, true],
    ['security_admin', Permission.UsersAccounts, true],
    ['security_admin', Permission.UsersManage, false],
    ['security_admin', Permission.ProgramsManage, false],
    ['security_admin', Permission.OrganizationsReview, false],
    ['security_admin', Permission.AuditRead, false],
    ['security_admin', Permission.PersonalDataReveal, false],
    ['auditor', Permission.AuditRead, true],
    ['auditor', Permission.UsersAccounts, false],
    ['auditor', Permission.UsersSecurity, false],
    ['reviewer', Permission.UsersSecurity, false],
  ] as const)('%s %s → %s', (role, permission, expected) => {
    expect(can(role, permission)).toBe(expected);
  });

  it('the security administrator holds exactly the account list and the security fields', () => {
    expect([...ROLE_PERMISSIONS.security_admin].sort()).toEqual(['users.accounts', 'users.security']);
  });

  it('only the security administrator holds users.security; only admin users.manage', () => {
    const holders = (permission: Permission) => ROLES.filter((role: Role) => can(role, permission));
    expect(holders(Permission.UsersSecurity)).toEqual(['security_admin']);
    expect(holders(Permission.UsersManage)).toEqual(['admin']);
    expect(holders(Permission.AuditRead)).toEqual(['auditor']);
  });

  it('the security administrator is a staff role signing in with a password', () => {
    expect(isStaffRole('security_admin')).toBe(true);
    expect(PASSWORD_ROLES).toContain('security_admin');
  });
});
