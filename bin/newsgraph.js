#!/usr/bin/env node
// Entry point for `npx newsgraph` and `npm start`: runs the TypeScript sources through tsx,
// so there is no build step between a checkout and a running server.
import { register } from 'tsx/esm/api';

register();
const { main } = await import('../src/cli/main.ts');
process.exitCode = await main(process.argv.slice(2));
