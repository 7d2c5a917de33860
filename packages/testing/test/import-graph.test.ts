import { mkdirSync, mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { describe, expect, it } from 'vitest';
import {
  folderCycles,
  importCycles,
  importGraph,
  importsOf,
  relativeTo,
  servicesImportingTransport,
  workspaceSourceDirs,
} from '../src/import-graph';

const root = resolve(import.meta.dirname, '../../..');

/** A throwaway source tree: path → contents. */
function tree(files: Record<string, string>): string {
  const dir = mkdtempSync(join(tmpdir(), 'import-graph-'));
  for (const [path, text] of Object.entries(files)) {
    mkdirSync(join(dir, path, '..'), { recursive: true });
    writeFileSync(join(dir, path), text);
  }
  return dir;
}

describe('the workspace', () => {
  const graph = importGraph(workspaceSourceDirs(root));

  it('covers apps/*/src and packages/*/src', () => {
    const files = relativeTo(root, [...graph.keys()]);
    expect(files).toContain('apps/api/src/server.ts');
    expect(files).toContain('apps/web/src/main.tsx');
    expect(files).toContain('packages/entitlements/src/index.ts');
    expect(files.length).toBeGreaterThan(200);
  });

  it('has no import loop', () => {
    expect(importCycles(graph).map((cycle) => relativeTo(root, cycle))).toEqual([]);
  });

  it('has no import loop between the folders of a src (nor between the web features)', () => {
    const bases = [...workspaceSourceDirs(root), join(root, 'apps/web/src/features')];
    const loops = bases.flatMap((base) =>
      folderCycles(graph, base).map((loop) => ({ in: relativeTo(root, [base])[0], ...loop })),
    );
    expect(loops).toEqual([]);
  });

  it('has no service that imports its transport (fastify, tRPC)', () => {
    const offenders = servicesImportingTransport(graph).map((o) => ({
      ...o,
      file: relativeTo(root, [o.file])[0],
    }));
    expect(offenders).toEqual([]);
  });
});

describe('importsOf', () => {
  it('reads static, type-only, re-export, side-effect, multi-line and dynamic imports', () => {
    const source = [
      "import { a } from './a';",
      "import type { B } from './b';",
      "export { c } from './c';",
      "export * from './d';",
      "import './e';",
      'import {\n  f,\n  g,\n} from "./f";',
      "const h = await import('./h');",
      "const text = 'import nothing from here';",
    ].join('\n');
    expect(importsOf(source)).toEqual(['./a', './b', './c', './d', './e', './f', './h']);
  });
});

describe('importCycles', () => {
  it('finds a loop across files and folders, and a file importing itself', () => {
    const dir = tree({
      'src/auth/session.ts': "import { tenantView } from '../tenants/view';\n",
      'src/tenants/view.ts': "import type { Actor } from '../http/rest';\n",
      'src/http/rest.ts': "import { session } from '../auth/session';\n",
      'src/self.ts': "export * from './self';\n",
      'src/leaf.ts': "import { session } from './auth/session';\n",
    });
    const cycles = importCycles(importGraph([join(dir, 'src')])).map((c) => relativeTo(dir, c));
    expect(cycles).toHaveLength(2);
    expect(cycles).toContainEqual(['src/auth/session.ts', 'src/http/rest.ts', 'src/tenants/view.ts']);
    expect(cycles).toContainEqual(['src/self.ts']);
  });

  it('finds none in a tree without loops', () => {
    const dir = tree({
      'src/a.ts': "import { b } from './b';\nimport { c } from './lib';\n",
      'src/b.ts': "import { c } from './lib/index';\n",
      'src/lib/index.ts': "import { z } from 'zod';\n",
    });
    const graph = importGraph([join(dir, 'src')]);
    expect(graph.get(join(dir, 'src/a.ts'))).toEqual([join(dir, 'src/b.ts'), join(dir, 'src/lib/index.ts')]);
    expect(importCycles(graph)).toEqual([]);
  });
});

describe('folderCycles', () => {
  it('finds folders that import each other through different files, and names the imports', () => {
    const dir = tree({
      'src/auth/session.ts': "import { view } from '../tenants/view';\n",
      'src/auth/actor.ts': 'export const actor = 1;\n',
      'src/tenants/view.ts': "import { actor } from '../auth/actor';\n",
      'src/server.ts': "import { session } from './auth/session';\n",
    });
    const graph = importGraph([join(dir, 'src')]);
    expect(importCycles(graph)).toEqual([]);
    expect(folderCycles(graph, join(dir, 'src'))).toEqual([
      {
        folders: ['auth/', 'tenants/'],
        imports: ['auth/session.ts → tenants/view.ts', 'tenants/view.ts → auth/actor.ts'],
      },
    ]);
  });

  it('finds none when folders import one way', () => {
    const dir = tree({
      'src/auth/session.ts': "import { view } from '../tenants/view';\n",
      'src/tenants/view.ts': "import { actor } from '../request/actor';\n",
      'src/request/actor.ts': 'export const actor = 1;\n',
    });
    expect(folderCycles(importGraph([join(dir, 'src')]), join(dir, 'src'))).toEqual([]);
  });
});

describe('servicesImportingTransport', () => {
  it('names a service importing fastify or @trpc, not a router or a service with its own logger type', () => {
    const dir = tree({
      'src/a.service.ts': "import type { FastifyBaseLogger } from 'fastify';\n",
      'src/b.service.ts': "import { TRPCError } from '@trpc/server';\n",
      'src/c.service.ts': "import type { Log } from './log';\n",
      'src/log.ts': 'export interface Log {}\n',
      'src/c.router.ts': "import { TRPCError } from '@trpc/server';\n",
    });
    const offenders = servicesImportingTransport(importGraph([join(dir, 'src')])).map((o) => ({
      file: relativeTo(dir, [o.file])[0],
      imports: o.imports,
    }));
    expect(offenders).toEqual([
      { file: 'src/a.service.ts', imports: 'fastify' },
      { file: 'src/b.service.ts', imports: '@trpc/server' },
    ]);
  });
});
