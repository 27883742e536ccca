import type { AdminSession } from '../auth/session';

/** What every view can rely on, set by the session and CSRF middleware before any router. */
declare module 'express-serve-static-core' {
  interface Locals {
    admin: AdminSession | null;
    csrfToken: string;
  }
  interface Request {
    /** Checks this request's CSRF token; installed by the CSRF middleware, used by verifyCsrf. */
    hasValidCsrfToken?: () => boolean;
  }
}
