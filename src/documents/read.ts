/**
 * Reading a report's file: only whoever may read the report gets it; to anyone else neither the
 * report nor its files exist (404, the same answer as for a hash the report does not have).
 */
import type { ReportDocument, TestReportData } from '../kinds/test-report/machine.js';
import type { Actor } from '../kinds/types.js';
import type { Engine } from '../engine/engine.js';
import { AppError } from '../errors.js';
import type { BlobStore } from '../store/blobs.js';

export interface ReadDocument {
  document: ReportDocument;
  bytes: Buffer;
}

/** @throws AppError NOT_FOUND if `actor` may not read the report or it has no such file. */
export async function readReportDocument(engine: Engine, blobs: BlobStore, actor: Actor, reportId: string, sha256: string): Promise<ReadDocument> {
  const report = await engine.get('test-reports', reportId, actor);
  const document = (report.data as unknown as TestReportData).documents.find((d) => d.sha256 === sha256);
  if (!document) throw new AppError({ code: 'NOT_FOUND', detail: `Test report ${reportId} has no document ${sha256}.` });
  const bytes = await blobs.get(sha256);
  // The commit that referenced it was written after the file: a missing one is damage, not a user's mistake.
  if (!bytes) throw new AppError({ code: 'INTERNAL', detail: `The stored file ${sha256} of test report ${reportId} is missing.` });
  return { document, bytes };
}
