#!/usr/bin/env node
// The development entry: runs the TypeScript sources through tsx (`npm run cli -- <command>`), so a
// change is live without compiling. Users run the compiled dist/cli/cs-health.js (the package's bin,
// built by `npm ci` through the prepare script); tsx is a devDependency.
require('tsx/cjs');
require('./main.ts');
