import type { TestProject } from 'vitest/node';
import { createTemplate, type TestDbTemplate } from './index';

declare module 'vitest' {
  export interface ProvidedContext {
    dbTemplate: TestDbTemplate;
  }
}

/** vitest globalSetup: one migrated template per run, cloned by each test file. */
export default async function setup(project: TestProject): Promise<() => Promise<void>> {
  const { template, teardown } = await createTemplate();
  const where = template.engine === 'postgres' ? `PostgreSQL (template ${template.template})` : 'PGlite';
  console.log(`[db tests] engine: ${where}`);
  project.provide('dbTemplate', template);
  return teardown;
}
