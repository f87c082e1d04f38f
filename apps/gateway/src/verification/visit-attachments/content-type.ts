// A visit's file is what it says it is: its declared type one of the three a visit takes, and
// its first bytes that type's signature (a renamed executable or HTML page is not served back).
import { ATTACHMENT_CONTENT_TYPES, type AttachmentContentType } from '#contracts';

const SIGNATURES: Record<AttachmentContentType, number[]> = {
  'image/jpeg': [0xff, 0xd8, 0xff],
  'image/png': [0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a],
  'application/pdf': [0x25, 0x50, 0x44, 0x46, 0x2d], // %PDF-
};

/** How many first bytes `matchesSignature` needs. */
export const SIGNATURE_BYTES = 8;

/** The declared media type (`image/jpeg; charset=…`, `image/jpg`) as one of the allowed ones, or undefined. */
export function allowedType(declared: string | undefined): AttachmentContentType | undefined {
  const t = (declared ?? '').split(';')[0].trim().toLowerCase();
  const known = t === 'image/jpg' || t === 'image/pjpeg' ? 'image/jpeg' : t;
  return (ATTACHMENT_CONTENT_TYPES as readonly string[]).includes(known) ? (known as AttachmentContentType) : undefined;
}

/** Whether the file's first bytes (at least SIGNATURE_BYTES, or the whole file if shorter) carry the type's signature. */
export function matchesSignature(type: AttachmentContentType, head: Uint8Array): boolean {
  const sig = SIGNATURES[type];
  return head.length >= sig.length && sig.every((b, i) => head[i] === b);
}
