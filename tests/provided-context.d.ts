import 'vitest';

// What tests/helpers/global-setup.ts provides to every test file.
declare module 'vitest' {
  export interface ProvidedContext {
    fixtureContentDir: string;
    fixtureDist: string;
    /** The run's Chromium to connect to (`launchBrowser`), or empty when there is none. */
    browserEndpoint: string;
    /** A workspace root whose fixture the real republish published once for the run (see `createWorkspace`). */
    publishedTemplate: string;
  }
}
