import { describe, expect, it } from 'vitest';
import { areaForPath, safeNext, signInPath } from './sign-in-paths';

describe('sign-in paths', () => {
  it.each([
    ['/me/profile', 'resident', '/me/profile'],
    ['/programs?kind=car#top', 'resident', '/programs?kind=car#top'],
    ['/console/review', 'console', '/console/review'],
    ['//evil.example/x', 'resident', undefined],
    ['/\\evil.example', 'resident', undefined],
    ['https://evil.example/', 'resident', undefined],
    ['javascript:alert(1)', 'resident', undefined],
    ['/me/profile\n', 'resident', undefined],
    ['/console/review', 'resident', undefined],
    ['/me/profile', 'console', undefined],
    ['/login', 'resident', undefined],
    ['/console/login?next=/console', 'console', undefined],
    [null, 'resident', undefined],
  ] as const)('safeNext(%j, %s) = %j', (raw, area, expected) => {
    expect(safeNext(raw, area)).toBe(expected);
  });

  it('builds the sign-in link for the area, with next and the expiry reason', () => {
    expect(signInPath('resident', '/me/profile', 'expired')).toBe(
      '/login?next=%2Fme%2Fprofile&reason=expired',
    );
    expect(signInPath('console', '/console/audit')).toBe('/console/login?next=%2Fconsole%2Faudit');
    expect(signInPath('resident', '//evil.example')).toBe('/login');
    expect(areaForPath('/console')).toBe('console');
    expect(areaForPath('/consoles')).toBe('resident');
  });
});
