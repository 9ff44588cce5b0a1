/** Identifiers minted by the service: UUIDv7, so that ordering by id is ordering by creation. */
import { v7 } from 'uuid';

export function newId(): string {
  return v7();
}
