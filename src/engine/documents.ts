/**
 * Files attached by a transition, kept atomically with it: stored in the blob store before the
 * commit that references them (so history never names a file that is not there), and deleted
 * again if that commit fails and nothing else references them (so a refused upload leaves
 * nothing behind). The blob store counts each file's keeps where every node sees them (the blob
 * port, `src/store/port/blobs.ts`), so a failure never deletes a file another transition, of any
 * node, is about to reference.
 */
import type { ReportDocument } from '../kinds/test-report/machine.js';
import type { Kind } from '../kinds/types.js';
import { inspectDocuments, type DocumentUpload } from '../documents/inspect.js';
import type { BlobStore } from '../store/blobs.js';
import type { InstanceStore } from '../store/port.js';

/** The search field a workflow with documents indexes their hashes under. */
export const DOCUMENT_FIELD = 'documentSha256';

export interface KeptDocuments {
  documents: ReportDocument[];
  /** Called once the commit is in (`true`) or refused (`false`). */
  settle(committed: boolean): Promise<void>;
}

export class DocumentKeeper {
  readonly blobs: BlobStore;
  readonly maxBytes: number;
  readonly #store: InstanceStore;

  constructor(options: { blobs: BlobStore; store: InstanceStore; maxBytes: number }) {
    this.blobs = options.blobs;
    this.maxBytes = options.maxBytes;
    this.#store = options.store;
  }

  /** Checks the uploads (type from content, size) before anything is stored. */
  inspect(uploads: readonly DocumentUpload[]): ReturnType<typeof inspectDocuments> {
    return inspectDocuments(uploads, this.maxBytes);
  }

  /** Stores inspected files for a transition of `kind` made `at`, with the event that attaches them. */
  async keep(kind: Kind, uploads: Awaited<ReturnType<typeof inspectDocuments>>, at: string, attachedWith: string): Promise<KeptDocuments> {
    const documents: ReportDocument[] = [];
    for (const upload of uploads) {
      const { sha256, size } = await this.blobs.put(upload.bytes);
      documents.push({ sha256, size, mediaType: upload.mediaType, name: upload.name, role: upload.role, attachedAt: at, attachedWith });
    }
    let settled = false;
    return {
      documents,
      settle: async (committed) => {
        if (settled) return;
        settled = true;
        for (const { sha256 } of documents) await this.blobs.release(sha256, { committed, referenced: () => this.referenced(kind, sha256) });
      },
    };
  }

  /** Whether an instance of `kind` references the file (its documents are indexed under DOCUMENT_FIELD). */
  async referenced(kind: Kind, sha256: string): Promise<boolean> {
    const page = await this.#store.find(kind, { where: { [DOCUMENT_FIELD]: sha256 }, limit: 1 });
    return page.items.length > 0;
  }
}
