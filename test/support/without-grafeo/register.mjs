// `node --import ./register.mjs …`: the process runs as on a platform where the embedded engine's
// native build is missing (see hooks.mjs).
import { register } from 'node:module';

register('./hooks.mjs', import.meta.url);
