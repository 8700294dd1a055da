import type { TestProject } from 'vitest/node';
import { startServer, type TestServer } from './harness';

declare module 'vitest' {
  export interface ProvidedContext {
    /** The one server every browser test file drives (see startServer). */
    fazhiServerUrl: string;
  }
}

let server: TestServer | undefined;

/** One real server for the whole browser run: each file makes its own accounts and cases, so they can share it. */
export async function setup(project: TestProject) {
  server = await startServer();
  project.provide('fazhiServerUrl', server.url);
}

export async function teardown() {
  await server?.stop();
}
