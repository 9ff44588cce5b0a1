/**
 * Verifying a file: is it a document of a test report the public register lists as accepted
 * (or once accepted, now expired or revoked)? Answered from the hash index alone; a report the
 * public may not see (under review, refused at screening) matches nothing, so the answer never
 * hints at it.
 */
import { SYSTEM_ACTOR } from '../kinds/types.js';
import { DOCUMENT_FIELD } from '../engine/documents.js';
import type { Engine } from '../engine/engine.js';
import { sha256OfFile } from '../store/blobs.js';
import type { DirectoryStore, InstanceStore } from '../store/port.js';
import { verificationMessage, type Language } from './meanings.js';
import { LabDirectory, publicReport, type PublicTestReport } from './register.js';

/** States in which a report's documents verify: accepted, and what an acceptance can become. */
export const VERIFIABLE_STATES = ['accepted', 'expired', 'revoked'] as const;

export interface Verification {
  sha256: string;
  /** True when the file is a document of a report accepted now. */
  verified: boolean;
  message: string;
  /** The reports it is a document of, as the public register shows them. */
  reports: PublicTestReport[];
}

/** By the file's SHA-256 (lower-case hex). */
export async function verifyDocumentHash(engine: Engine, store: InstanceStore & DirectoryStore, sha256: string, language: Language): Promise<Verification> {
  const page = await engine.records('test-reports', { states: VERIFIABLE_STATES, where: { [DOCUMENT_FIELD]: sha256 }, limit: 20 }, SYSTEM_ACTOR);
  const labs = new LabDirectory(engine, store);
  const reports = await Promise.all(page.items.map((r) => publicReport(r, labs, language)));
  return {
    sha256,
    verified: reports.some((r) => r.state === 'accepted'),
    message: verificationMessage(reports.length > 0, language),
    reports,
  };
}

/** By the file itself, read from disk as a stream (an upload is never held in memory to be verified). */
export async function verifyDocumentFile(engine: Engine, store: InstanceStore & DirectoryStore, path: string, language: Language): Promise<Verification> {
  return verifyDocumentHash(engine, store, await sha256OfFile(path), language);
}
