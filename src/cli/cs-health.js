#!/usr/bin/env node
// The development entry: runs the TypeScript sources through tsx (`npm run cli -- <command>`), so a
// change is live without compiling. Users run the compiled dist/cli/cs-health.js through the
// package's bin, the launcher dist/cli/cs-health (both built by `npm ci` through the prepare
// script); tsx is a devDependency.
require('tsx/cjs');
require('./main.ts');
