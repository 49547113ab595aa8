// Module hooks that make any import of the embedded engine's package fail, as it does where npm
// could not install its native build.
export async function resolve(specifier, context, nextResolve) {
  if (specifier === '@grafeo-db/js' || specifier.startsWith('@grafeo-db/')) throw new Error('the embedded engine (@grafeo-db/js) is not installed on this platform');
  return nextResolve(specifier, context);
}
