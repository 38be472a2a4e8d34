// Runs a built project through HubSpot's own local tooling, in a plain node process (the packages
// are ESM-only, as HubSpot's CLI runs them). Input: one JSON argument; output: one JSON line.
//
//   { "srcDir": ".../src", "cardsOut": "...", "functionCalls": [{ "name": uid, "parameters": {...} }],
//     "apiOrigin": "http://127.0.0.1:PORT" }
//
// What each step uses, all from HubSpot's packages (no reimplementation):
// - parse: @hubspot/project-parsing-lib translateForLocalDev (what `hs project dev` parses)
// - cards: DevModeUnifiedInterface._generateAppExtensionMappings, then remoteBuild (vite, the card build)
// - functions: DevModeUnifiedInterface._resolveAppFunctions (uid -> entrypoint), then the
//   serverless executor's executeFunction (loads the bundle, builds the context, calls main)
// - context: the executor's own buildContext, to list the fields HubSpot sends
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { translateForLocalDev } from '@hubspot/project-parsing-lib/translate';
import { DevModeUnifiedInterfaceNonSingleton } from '@hubspot/ui-extensions-dev-server';
import { remoteBuild } from '@hubspot/ui-extensions-dev-server/build';

const input = JSON.parse(process.argv[2]);
const require = createRequire(import.meta.url);
// The executor is not in the package's `exports`; it is loaded by file, the same module the dev server runs.
const serverlessDir = join(dirname(require.resolve('@hubspot/ui-extensions-dev-server')), 'lib', 'serverless');
const { executeFunction } = await import(pathToFileURL(join(serverlessDir, 'executor.js')).href);
const { buildContext } = await import(pathToFileURL(join(serverlessDir, 'context.js')).href);
const { buildServiceConfiguration } = await import(pathToFileURL(join(serverlessDir, 'config.js')).href);

const messages = [];
const logger = { debug() {}, info() {}, log() {}, warn: (...a) => messages.push(`warn: ${a.map(String).join(' ')}`), error: (...a) => messages.push(`error: ${a.map(String).join(' ')}`) };

const { intermediateRepresentation } = await translateForLocalDev({ projectSourceDir: input.srcDir, platformVersion: '2026.03' }, { skipValidation: true });
const nodes = intermediateRepresentation.intermediateNodesIndexedByUid;
const dev = new DevModeUnifiedInterfaceNonSingleton();
const appFunctions = dev._resolveAppFunctions(nodes);
const output = {
  nodes: Object.values(nodes).map((n) => ({ uid: n.uid, componentType: n.componentType, config: n.config })),
  appFunctions: Object.keys(appFunctions ?? {}),
  cards: [],
  calls: [],
  contextFields: [],
};

if (input.cardsOut) {
  for (const mapping of dev._generateAppExtensionMappings(nodes, {})) {
    const outputDir = join(input.cardsOut, mapping.value.data.uid);
    await remoteBuild({ root: mapping.value.extensionPath, entryPoint: mapping.value.data.module.file, outputDir, logLevel: 'silent', appConfig: mapping.value.appConfig });
    output.cards.push({ uid: mapping.value.data.uid, location: mapping.value.data.location, file: mapping.value.data.module.file, outputDir });
  }
}

const appDir = join(input.srcDir, 'app');
const config = { ...buildServiceConfiguration(appDir, { accountId: 1234567, hubspotApiOrigin: input.apiOrigin, hubspotWebsiteOrigin: 'https://app.hubspot.com', logger, platformVersion: '2026.03', appFunctions }) };
for (const call of input.functionCalls ?? []) {
  messages.length = 0;
  try {
    const response = await new Promise((resolve, reject) => executeFunction(config, call.name, { parameters: call.parameters }, resolve).catch(reject));
    output.calls.push({ name: call.name, response });
  } catch (error) {
    output.calls.push({ name: call.name, error: { reason: error?.reason ?? String(error), messages: [...messages] } });
  }
}
output.contextFields = Object.keys(await buildContext(config, { parameters: {}, event: undefined }, {}));
console.log(JSON.stringify(output));
