import { Types } from 'mongoose';

/** A stored document's id, for code outside core that must not import mongoose. */
export type Id = Types.ObjectId;

/** True for a 24-hex-digit id, the only form of id Reprise accepts from clients. */
export function isId(value: string): boolean {
  return /^[0-9a-f]{24}$/i.test(value);
}

/** Parses a client's id, or returns undefined when it is not one. */
export function toId(value: string): Types.ObjectId | undefined {
  return isId(value) ? new Types.ObjectId(value.toLowerCase()) : undefined;
}

/** Escapes text for use inside a regular expression (search and prefix filters). */
export function escapeRegex(text: string): string {
  return text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
}
