#!/usr/bin/env node
// The CLI runs from the TypeScript sources through tsx, so `npx cs-health` never runs stale compiled code.
require('tsx/cjs');
require('./main.ts');
