/**
 * Node module hook (module.register): the specifier `electron` resolves to the stand-in, as Electron
 * itself makes `electron` resolve to its built-in module inside the app.
 */
const STAND_IN = new URL('./electron.mjs', import.meta.url).href;

export async function resolve(specifier, context, nextResolve) {
  if (specifier === 'electron') return { url: STAND_IN, shortCircuit: true };
  return nextResolve(specifier, context);
}
