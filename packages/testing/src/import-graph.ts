import { existsSync, readdirSync, readFileSync, statSync } from 'node:fs';
import { dirname, join, relative, resolve, sep } from 'node:path';

/** file → the files it imports (relative specifiers only: packages cannot form loops, pnpm/turbo refuse them). */
export type ImportGraph = Map<string, string[]>;

const SOURCE = /\.(ts|tsx)$/;
// `import … from 'x'`, `export … from 'x'`, `import 'x'`, `import('x')` — type-only imports count too: a loop
// of types is still two files that cannot be read one without the other.
const SPECIFIER =
  /(?:^|[\s;])(?:import|export)\s+(?:type\s+)?(?:[^'";]*?\sfrom\s+)?['"]([^'"]+)['"]|import\(\s*['"]([^'"]+)['"]\s*\)/g;

/** Every specifier a source text imports. */
export function importsOf(source: string): string[] {
  const out: string[] = [];
  for (const m of source.matchAll(SPECIFIER)) {
    const spec = m[1] ?? m[2];
    if (spec) out.push(spec);
  }
  return out;
}

function sourceFiles(dir: string): string[] {
  if (!existsSync(dir)) return [];
  return readdirSync(dir).flatMap((name) => {
    const path = join(dir, name);
    if (statSync(path).isDirectory()) return name === 'node_modules' ? [] : sourceFiles(path);
    return SOURCE.test(name) && !name.endsWith('.d.ts') ? [path] : [];
  });
}

function resolveRelative(from: string, spec: string): string | undefined {
  const base = resolve(dirname(from), spec);
  const candidates = [base, `${base}.ts`, `${base}.tsx`, join(base, 'index.ts'), join(base, 'index.tsx')];
  return candidates.find((c) => SOURCE.test(c) && existsSync(c) && statSync(c).isFile());
}

/** The import graph of every .ts/.tsx file under `dirs`. */
export function importGraph(dirs: string[]): ImportGraph {
  const graph: ImportGraph = new Map();
  for (const file of dirs.flatMap(sourceFiles)) {
    const targets = importsOf(readFileSync(file, 'utf8'))
      .filter((spec) => spec.startsWith('.'))
      .map((spec) => resolveRelative(file, spec))
      .filter((target): target is string => target !== undefined);
    graph.set(file, [...new Set(targets)]);
  }
  return graph;
}

/** The import loops of a graph: each strongly connected component of more than one file (or a self-import). */
export function importCycles(graph: ImportGraph): string[][] {
  // Tarjan's algorithm, iterative enough for a few hundred files (recursion depth = longest import chain).
  let index = 0;
  const indexOf = new Map<string, number>();
  const low = new Map<string, number>();
  const stack: string[] = [];
  const onStack = new Set<string>();
  const cycles: string[][] = [];
  const visit = (node: string) => {
    indexOf.set(node, index);
    low.set(node, index);
    index++;
    stack.push(node);
    onStack.add(node);
    for (const next of graph.get(node) ?? []) {
      if (!indexOf.has(next)) {
        visit(next);
        low.set(node, Math.min(low.get(node) ?? 0, low.get(next) ?? 0));
      } else if (onStack.has(next)) {
        low.set(node, Math.min(low.get(node) ?? 0, indexOf.get(next) ?? 0));
      }
    }
    if (low.get(node) !== indexOf.get(node)) return;
    const component: string[] = [];
    let member: string | undefined;
    do {
      member = stack.pop();
      if (member === undefined) break;
      onStack.delete(member);
      component.push(member);
    } while (member !== node);
    if (component.length > 1 || (graph.get(node) ?? []).includes(node)) cycles.push(component.sort());
  };
  for (const node of graph.keys()) if (!indexOf.has(node)) visit(node);
  return cycles;
}

/**
 * Import loops between the folders right under `base` (a file directly in `base` counts as its own folder):
 * `auth/session.ts → tenants/view.ts → auth/actor.ts` is no file loop but puts auth and tenants in one knot.
 * Each loop comes with one import per step that makes it.
 */
export function folderCycles(graph: ImportGraph, base: string): { folders: string[]; imports: string[] }[] {
  const folderOf = (file: string) => {
    const path = relative(base, file);
    if (path.startsWith('..')) return null;
    const [first, ...rest] = path.split(sep);
    return rest.length > 0 ? `${first}/` : (first ?? null);
  };
  const folders: ImportGraph = new Map();
  const witness = new Map<string, string>();
  for (const [file, targets] of graph) {
    const from = folderOf(file);
    if (from === null) continue;
    const edges = new Set(folders.get(from) ?? []);
    for (const target of targets) {
      const to = folderOf(target);
      if (to === null || to === from) continue;
      edges.add(to);
      if (!witness.has(`${from}>${to}`))
        witness.set(`${from}>${to}`, `${relative(base, file)} → ${relative(base, target)}`);
    }
    folders.set(from, [...edges]);
  }
  return importCycles(folders).map((cycle) => ({
    folders: cycle,
    imports: cycle.flatMap((a) => cycle.map((b) => witness.get(`${a}>${b}`)).filter((w): w is string => !!w)),
  }));
}

/** Service files (`*.service.ts`) that import a transport (fastify, @fastify/*, @trpc/*): services know no transport. */
export function servicesImportingTransport(graph: ImportGraph): { file: string; imports: string }[] {
  const out: { file: string; imports: string }[] = [];
  for (const file of graph.keys()) {
    if (!file.endsWith('.service.ts')) continue;
    for (const spec of importsOf(readFileSync(file, 'utf8')))
      if (/^(fastify|fastify-plugin|@fastify\/|@trpc\/)/.test(spec)) out.push({ file, imports: spec });
  }
  return out;
}

/** The source folders the checks cover: apps/<name>/src and packages/<name>/src. */
export function workspaceSourceDirs(root: string): string[] {
  return ['apps', 'packages'].flatMap((group) =>
    existsSync(join(root, group))
      ? readdirSync(join(root, group)).map((name) => join(root, group, name, 'src'))
      : [],
  );
}

export const relativeTo = (root: string, files: string[]) => files.map((f) => relative(root, f));
