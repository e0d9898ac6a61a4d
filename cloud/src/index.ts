export { createCloudApp } from './app.js';
export { DEFAULT_AUTH_LIMITS, type AuthLimits, type CloudDeps } from './http/context.js';
export { CSRF_COOKIE, CSRF_HEADER } from './auth/csrf.js';
export { SESSION_COOKIE } from './auth/session.js';
