// Module hooks that make every import of the named packages fail, as where npm could not install
// them (the embedded engine on a platform without its native build, say).
let missing = [];

export function initialize(packages) {
  missing = packages;
}

export async function resolve(specifier, context, nextResolve) {
  const name = missing.find((p) => specifier === p || specifier.startsWith(`${p}/`));
  if (name) throw new Error(`${name} is not installed on this platform`);
  return nextResolve(specifier, context);
}
