import { z } from 'zod'
import { isValidLocalDate } from '../../domain/index.js'

// Text a person typed: trimmed, bounded, and free of control characters (NUL cannot be stored in JSONB,
// and the others only ever arrive in hostile input).
// eslint-disable-next-line no-control-regex -- matching control characters is the point
const CONTROL = /[\u0000-\u0008\u000B\u000C\u000E-\u001F\u007F]/
export const text = (max: number) =>
  z
    .string()
    .trim()
    .max(max)
    .refine((v) => !CONTROL.test(v), 'must not contain control characters')
export const requiredText = (max: number) => text(max).pipe(z.string().min(1, 'is required'))
export const localDate = z.string().refine(isValidLocalDate, 'must be a real date in the form YYYY-MM-DD')
