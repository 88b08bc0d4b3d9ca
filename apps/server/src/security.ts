/** Security headers, and the Host check that keeps a loopback server out of DNS-rebinding reach. */
import type { RequestHandler } from 'express';
import helmet from 'helmet';

/**
 * The built editor loads only its own scripts; React Flow and CodeMirror set inline
 * `style` attributes, so styles allow 'unsafe-inline'. No `upgrade-insecure-requests`:
 * Retort is served over plain HTTP on loopback, or behind whatever terminates TLS.
 */
export function securityHeaders(): RequestHandler {
  return helmet({
    contentSecurityPolicy: {
      useDefaults: false,
      directives: {
        'default-src': ["'self'"],
        'base-uri': ["'self'"],
        'connect-src': ["'self'"],
        'font-src': ["'self'", 'data:'],
        'form-action': ["'self'"],
        'frame-ancestors': ["'none'"],
        'img-src': ["'self'", 'data:', 'blob:'],
        'object-src': ["'none'"],
        // Postgres' SQL parser runs in the page as WebAssembly; this allows compiling it, not eval().
        'script-src': ["'self'", "'wasm-unsafe-eval'"],
        'script-src-attr': ["'none'"],
        'style-src': ["'self'", "'unsafe-inline'"],
        'worker-src': ["'self'", 'blob:'],
      },
    },
    strictTransportSecurity: false,
    frameguard: { action: 'deny' },
  });
}

/**
 * Without a token the only protection of a loopback server is that nothing else can reach
 * it; a page on another site that rebinds its own hostname to 127.0.0.1 could. Such requests
 * carry that site's name in `Host`, so only loopback names are answered.
 */
export function loopbackHostsOnly(): RequestHandler {
  return (req, res, next) => {
    const host = (req.headers.host ?? '').toLowerCase().replace(/:\d+$/, '');
    if (host === 'localhost' || host === '[::1]' || /^127(\.\d{1,3}){3}$/.test(host)) {
      next();
      return;
    }
    res
      .status(403)
      .json({ error: `Requests for host "${host}" are refused by a loopback server.` });
  };
}
