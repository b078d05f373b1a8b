// The renderer's Content Security Policy, one definition for both ways it is served (docs/architecture.md,
// "Electron security"): only the app's own scripts, no eval, no plugins, no framing, no form posts. The one
// difference is how the renderer reaches the core: the desktop app calls it over IPC, so it may fetch nothing
// (`'none'`); browser mode posts to its own server (`'self'`).
export function contentSecurityPolicy(connectSrc: "'self'" | "'none'"): string {
  return [
    "default-src 'self'",
    "script-src 'self'",
    "style-src 'self' 'unsafe-inline'",
    "img-src 'self' data:",
    "font-src 'self' data:",
    `connect-src ${connectSrc}`,
    "object-src 'none'",
    "base-uri 'none'",
    "frame-ancestors 'none'",
    "form-action 'none'",
  ].join('; ');
}
