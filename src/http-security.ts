import cors from "cors";
import helmet from "helmet";
import type { RequestHandler } from "express";
import type { Config } from "./config";

/** http://localhost, 127.0.0.1 or [::1] on any port: the browser tools of a developer's own machine. */
const LOCALHOST_ORIGIN = /^http:\/\/(localhost|127\.0\.0\.1|\[::1\])(:\d{1,5})?$/;

/** Whether a browser page from `origin` may call the API (BASKETQL_CORS_ORIGINS; see config.ts). */
export function corsAllows(config: Pick<Config, "corsOrigins" | "corsLocalhost">, origin: string): boolean {
  return config.corsOrigins.includes(origin) || (config.corsLocalhost && LOCALHOST_ORIGIN.test(origin));
}

/**
 * CORS: only the configured origins get Access-Control-Allow-Origin, for preflights and requests alike.
 * Any other origin gets no CORS headers at all, so its browser keeps the response from the page. Tokens
 * travel in the Authorization header, never in cookies: no credentials are allowed.
 */
export function corsPolicy(config: Pick<Config, "corsOrigins" | "corsLocalhost">): RequestHandler {
  return cors({
    origin: (origin, answer) => answer(null, origin !== undefined && corsAllows(config, origin)),
    methods: ["GET", "POST"],
    allowedHeaders: ["Content-Type", "Authorization", "Apollo-Require-Preflight", "X-Apollo-Operation-Name"],
    maxAge: 600,
  });
}

/** The CDN origins Apollo's local landing page (Sandbox) loads its code, styles, fonts and frame from. */
const APOLLO_SCRIPTS = ["https://embeddable-sandbox.cdn.apollographql.com", "https://apollo-server-landing-page.cdn.apollographql.com"];
const APOLLO_FRAMES = ["https://sandbox.embed.apollographql.com"];

/**
 * Security headers (helmet): `nosniff`, no framing by any page (`frame-ancestors 'none'`, X-Frame-Options),
 * no referrer, and a Content-Security-Policy. The API answers JSON only, so without the landing page
 * nothing may load at all (`default-src 'none'`). With the landing page (introspection on) the policy lets
 * it load Apollo's Sandbox from its CDN and send queries to this server; Apollo's page adds its own
 * nonce-based policy for inline scripts on top (browsers enforce both). Strict-Transport-Security only
 * with BASKETQL_HSTS: it tells browsers to use HTTPS for a year, which breaks a server reached over plain HTTP.
 */
export function securityHeaders(config: Pick<Config, "introspection" | "hsts">): RequestHandler {
  const locked = { frameAncestors: ["'none'"], baseUri: ["'none'"], formAction: ["'none'"], objectSrc: ["'none'"] };
  const directives = config.introspection
    ? {
        ...locked,
        defaultSrc: ["'self'"],
        // 'unsafe-inline' is ignored by browsers where Apollo's own policy gives a nonce; it only keeps this
        // header from blocking the page's inline scripts in the intersection of the two policies.
        scriptSrc: ["'self'", "'unsafe-inline'", ...APOLLO_SCRIPTS],
        styleSrc: ["'self'", "'unsafe-inline'", ...APOLLO_SCRIPTS, "https://fonts.googleapis.com"],
        fontSrc: ["'self'", "https://fonts.gstatic.com"],
        imgSrc: ["'self'", "data:", ...APOLLO_SCRIPTS],
        manifestSrc: ["'self'", ...APOLLO_SCRIPTS],
        frameSrc: APOLLO_FRAMES,
        connectSrc: ["'self'", "https://*.apollographql.com"],
      }
    : { ...locked, defaultSrc: ["'none'"] };
  return helmet({
    contentSecurityPolicy: { useDefaults: false, directives },
    referrerPolicy: { policy: "no-referrer" },
    strictTransportSecurity: config.hsts ? { maxAge: 31_536_000, includeSubDomains: true } : false,
    xFrameOptions: { action: "deny" },
  });
}
