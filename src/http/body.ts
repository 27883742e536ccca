import express, { type Request, type RequestHandler } from 'express';

/** A paper's table of up to 200 rows of ~16 fields fits within the parameter limit. */
export const FORM_PARAMETER_LIMIT = 5000;

/**
 * Form and JSON bodies up to `limit`; larger bodies fail with status 413, which the error handler
 * turns into a page or JSON. Multipart bodies are left to the route that accepts them.
 */
export function bodyParsers(limit: string | number): RequestHandler[] {
  return [
    express.urlencoded({ extended: true, limit, parameterLimit: FORM_PARAMETER_LIMIT }),
    express.json({ limit }),
  ];
}

/** The parsed body's fields, or none when there is no body object (a GET, an empty POST). */
export function bodyFields(req: Request): Record<string, unknown> {
  const body: unknown = req.body;
  return typeof body === 'object' && body !== null ? (body as Record<string, unknown>) : {};
}
