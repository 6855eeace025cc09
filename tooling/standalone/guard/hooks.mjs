// Module resolution hooks (node:module register): refuse anything outside the project, so an
// example cannot pass by reaching the workspace's packages or a global node_modules.
let project = '';

export function initialize(data) {
  project = data.project;
}

export async function resolve(specifier, context, nextResolve) {
  const resolved = await nextResolve(specifier, context);
  if (resolved.url.startsWith('node:') || resolved.url.startsWith(project)) return resolved;
  throw new Error(
    `standalone guard: '${specifier}' (imported by ${context.parentURL ?? 'the command line'}) resolves to ${resolved.url}, outside the project ${project}`,
  );
}
