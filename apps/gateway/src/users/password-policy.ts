import type { FieldError } from '#contracts';

export const MIN_PASSWORD_LENGTH = 10;
export const MAX_PASSWORD_LENGTH = 200;

/** The password rules beyond length, which the DTOs check: not the username, not one repeated character. */
export function passwordProblems(password: string, username: string, path = 'password'): FieldError[] {
  const out: FieldError[] = [];
  if (password.length < MIN_PASSWORD_LENGTH) out.push({ path, message: `${path} must be at least ${MIN_PASSWORD_LENGTH} characters long` });
  if (password.length > MAX_PASSWORD_LENGTH) out.push({ path, message: `${path} must be at most ${MAX_PASSWORD_LENGTH} characters long` });
  if (username && password.toLowerCase().includes(username.toLowerCase()))
    out.push({ path, message: `${path} must not contain the username` });
  if (/^(.)\1*$/.test(password)) out.push({ path, message: `${path} must not be one character repeated` });
  return out;
}
