/** Jest runs the TypeScript sources through ts-jest in CommonJS mode.
 * @hubspot/ui-extensions (and its tinyspy dependency) ship ESM only, so they are let through the transform. */
module.exports = {
  testEnvironment: 'node',
  roots: ['<rootDir>/test'],
  testMatch: ['**/*.test.ts', '**/*.test.tsx'],
  transform: {
    '^.+\\.(t|j)sx?$': [
      'ts-jest',
      {
        tsconfig: {
          // Transpile each file alone (fast); `npm run typecheck` does the type checking.
          isolatedModules: true,
          jsx: 'react-jsx',
          module: 'commonjs',
          moduleResolution: 'node',
          esModuleInterop: true,
          allowJs: true,
          target: 'ES2022',
        },
        diagnostics: false,
      },
    ],
  },
  transformIgnorePatterns: ['/node_modules/(?!(@hubspot/ui-extensions|tinyspy|@remote-ui)/)'],
  testTimeout: 60000,
  // One test file per core, not jest's default of cores - 1: most suites wait on sandbox processes
  // and databases rather than compute, and on CI's 2 cores the default ran the files one at a time
  // (~15 min of CI's 20); two at a time took 10 min on a fresh clone (CI whole: 12.3 min, was 17.6).
  maxWorkers: '100%',
};
