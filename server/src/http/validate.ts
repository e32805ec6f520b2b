import type { z } from 'zod';
import { zodToProblem } from './problem';

/** Parses a request body with a zod schema; a failure is a 400 problem listing the fields. */
export function parseBody<S extends z.ZodType>(schema: S, body: unknown): z.infer<S> {
  const r = schema.safeParse(body ?? {});
  if (!r.success) throw zodToProblem(r.error);
  return r.data;
}
