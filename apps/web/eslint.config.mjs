// The web workspace's ESLint config: the repository's shared rules plus the React hooks rules.
// ESLint resolves the config nearest to each linted file, so this applies only to apps/web.
import fs from 'node:fs';
import path from 'node:path';
import reactHooks from 'eslint-plugin-react-hooks';
import rootConfig from '../../eslint.config.mjs';

const here = import.meta.dirname;
/** Each folder of src/features is one feature; read at lint time, so a new feature is covered too. */
const features = fs
  .readdirSync(path.join(here, 'src/features'), { withFileTypes: true })
  .filter((entry) => entry.isDirectory())
  .map((entry) => entry.name);

export default [
  ...rootConfig,
  {
    // A feature imports no other feature: what two features share lives in components/ui or lib.
    files: ['src/**/*.ts', 'src/**/*.tsx'],
    rules: {
      'import-x/no-restricted-paths': [
        'error',
        {
          basePath: here,
          zones: features.map((feature) => ({
            target: `src/features/${feature}`,
            from: 'src/features',
            except: [`./${feature}`],
            message: 'A feature imports no other feature: move what they share to components/ui or lib.',
          })),
        },
      ],
    },
  },
  {
    files: ['src/**/*.ts', 'src/**/*.tsx'],
    ...reactHooks.configs.flat['recommended-latest'],
  },
  {
    // Only the language choice may be stored on the device: no personal data in web storage.
    files: ['src/**/*.ts', 'src/**/*.tsx'],
    ignores: ['src/lib/i18n.ts', 'src/**/*.test.ts', 'src/**/*.test.tsx', 'src/test/**'],
    rules: {
      'no-restricted-globals': [
        'error',
        { name: 'localStorage', message: 'Only src/lib/i18n.ts may use web storage (language only).' },
        { name: 'sessionStorage', message: 'No personal data in web storage.' },
      ],
      'no-restricted-properties': [
        'error',
        {
          object: 'window',
          property: 'localStorage',
          message: 'Only src/lib/i18n.ts may use web storage (language only).',
        },
        { object: 'window', property: 'sessionStorage', message: 'No personal data in web storage.' },
        {
          object: 'process',
          property: 'env',
          message: 'Browser code reads configuration only through src/config/env.ts.',
        },
        { object: 'Math', property: 'random', message: 'Use crypto.getRandomValues / crypto.randomUUID.' },
      ],
    },
  },
];
