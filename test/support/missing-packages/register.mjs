// `node --import ./register.mjs …` with MISSING_PACKAGES=a,b: the process runs as where npm could
// not install those packages (see hooks.mjs).
import { register } from 'node:module';

register('./hooks.mjs', import.meta.url, { data: (process.env.MISSING_PACKAGES ?? '').split(',').filter(Boolean) });
