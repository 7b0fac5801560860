/** `node --import ./tests/electron-stand-in/register.mjs ...`: load the stand-in for `electron`. */
import { register } from 'node:module';

register('./hooks.mjs', import.meta.url);
