import fs from 'node:fs';
import path from 'node:path';

const SRC = path.join(__dirname, '..', '..');
const DOC = path.join(SRC, '..', '..', '..', 'docs', 'auth-defenses.md');

function sourceFiles(dir: string): string[] {
  return fs.readdirSync(dir, { withFileTypes: true }).flatMap((entry) => {
    const full = path.join(dir, entry.name);
    if (entry.isDirectory()) return sourceFiles(full);
    return entry.name.endsWith('.ts') && !entry.name.endsWith('.spec.ts') ? [full] : [];
  });
}

/** ASVS 6.1.1: the anti-automation controls are documented, every one of them. */
describe('docs/auth-defenses.md', () => {
  const limiterNames = [
    ...new Set(
      sourceFiles(SRC).flatMap((file) =>
        [...fs.readFileSync(file, 'utf8').matchAll(/name: '([a-z0-9-]+)',\s*limit:/g)].map((m) => m[1]!),
      ),
    ),
  ];

  it('finds the limiters in the code (the scan itself works)', () => {
    expect(limiterNames).toEqual(
      expect.arrayContaining(['otp-send-phone-minute', 'login-ip-hour', 'writes', 'eligibility']),
    );
  });

  it('lists every limiter found in the code', () => {
    const doc = fs.readFileSync(DOC, 'utf8');
    expect(limiterNames.filter((name) => !doc.includes(`\`${name}\``))).toEqual([]);
  });
});
