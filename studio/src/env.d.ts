/// <reference types="astro/client" />

declare namespace App {
  interface Locals {
    /** Set by the middleware on every request. */
    facts: import('../../src/lib/studio/request-security.ts').RequestFacts;
    /** The signed-in person; every page but the sign-in page has one. */
    user: { email: string; role: import('../../src/lib/studio/users.ts').Role };
    /** The session's CSRF token, for the forms of the page. */
    csrf: string;
    /** The session cookie's token (to keep this session when a password changes). */
    sessionToken: string;
    /** When the session ends unless used again (ms since 1970): the edit form warns before. */
    sessionEndsAt: number;
    /** When the session began (it ends twelve hours later, whatever happens). */
    sessionCreatedAt: number;
  }
}
