/**
 * The SQLite store's tables. `PRAGMA user_version` records which of the steps below a file has;
 * opening a file applies the missing ones in order, so a newer release upgrades an older file.
 */
import type { Database } from 'better-sqlite3';

const STEPS: readonly string[] = [
  `
  CREATE TABLE instances (
    kind TEXT NOT NULL,
    id TEXT NOT NULL,
    state TEXT NOT NULL,
    context TEXT NOT NULL,
    version INTEGER NOT NULL,
    machine_version INTEGER NOT NULL,
    created_at TEXT NOT NULL,
    updated_at TEXT NOT NULL,
    PRIMARY KEY (kind, id)
  ) WITHOUT ROWID;
  CREATE INDEX instances_by_kind ON instances (kind, created_at, id);
  CREATE INDEX instances_by_state ON instances (kind, state, created_at, id);

  CREATE TABLE instance_fields (
    kind TEXT NOT NULL,
    field TEXT NOT NULL,
    value TEXT NOT NULL,
    id TEXT NOT NULL,
    PRIMARY KEY (kind, field, value, id)
  ) WITHOUT ROWID;
  CREATE INDEX instance_fields_by_instance ON instance_fields (kind, id);

  CREATE TABLE unique_keys (
    kind TEXT NOT NULL,
    key TEXT NOT NULL,
    id TEXT NOT NULL,
    PRIMARY KEY (kind, key)
  ) WITHOUT ROWID;
  CREATE INDEX unique_keys_by_instance ON unique_keys (kind, id);

  -- Rows are large (the notification rides along), so an ordinary rowid table that appends,
  -- with a small index for reading one instance's history in order.
  CREATE TABLE history (
    kind TEXT NOT NULL,
    id TEXT NOT NULL,
    seq INTEGER NOT NULL,
    at TEXT NOT NULL,
    type TEXT NOT NULL,
    actor TEXT NOT NULL,
    from_state TEXT,
    to_state TEXT NOT NULL,
    payload TEXT NOT NULL,
    facts TEXT,
    cause TEXT,
    -- What the transition's e-mails say (the entry plus the data and deadlines after it), kept
    -- once here for all of the transition's outbox messages.
    notification TEXT
  );
  CREATE UNIQUE INDEX history_by_instance ON history (kind, id, seq);

  -- One message per recipient of a transition; the text is in the transition's history row.
  CREATE TABLE outbox (
    id TEXT PRIMARY KEY,
    kind TEXT NOT NULL,
    instance_id TEXT NOT NULL,
    seq INTEGER NOT NULL,
    recipient TEXT NOT NULL,
    status TEXT NOT NULL,
    attempts INTEGER NOT NULL DEFAULT 0,
    next_attempt_at TEXT NOT NULL,
    lease_owner TEXT,
    lease_until TEXT,
    last_error TEXT,
    sent_at TEXT,
    response TEXT,
    created_at TEXT NOT NULL
  ) WITHOUT ROWID;
  CREATE INDEX outbox_due ON outbox (status, next_attempt_at, id);

  CREATE TABLE deadlines (
    id TEXT PRIMARY KEY,
    kind TEXT NOT NULL,
    instance_id TEXT NOT NULL,
    event TEXT NOT NULL,
    due_at TEXT NOT NULL,
    source TEXT NOT NULL,
    payload TEXT,
    status TEXT NOT NULL,
    attempts INTEGER NOT NULL DEFAULT 0,
    lease_owner TEXT,
    lease_until TEXT,
    last_error TEXT,
    created_at TEXT NOT NULL,
    completed_at TEXT
  ) WITHOUT ROWID;
  CREATE INDEX deadlines_due ON deadlines (status, due_at);
  CREATE INDEX deadlines_by_instance ON deadlines (kind, instance_id, status, source, due_at);

  CREATE TABLE economies (code TEXT PRIMARY KEY, data TEXT NOT NULL);
  CREATE TABLE regulations (id TEXT PRIMARY KEY, economy TEXT NOT NULL, data TEXT NOT NULL);
  CREATE INDEX regulations_by_economy ON regulations (economy, id);
  CREATE TABLE cabs (id TEXT PRIMARY KEY, economy TEXT NOT NULL, data TEXT NOT NULL);
  CREATE INDEX cabs_by_economy ON cabs (economy, id);
  CREATE TABLE principals (
    id TEXT PRIMARY KEY,
    role TEXT NOT NULL,
    economy TEXT,
    key_hash TEXT NOT NULL UNIQUE,
    data TEXT NOT NULL
  );
  CREATE INDEX principals_by_role ON principals (role, economy);
  CREATE TABLE sequences (name TEXT PRIMARY KEY, value INTEGER NOT NULL);
  `,
  // 2: what monitoring reads (the age of the oldest pending message, failing deadlines) and what a
  // stopping node gives back (its leases), each from an index.
  `
  CREATE INDEX outbox_by_age ON outbox (status, created_at);
  CREATE INDEX outbox_leases ON outbox (lease_owner) WHERE lease_owner IS NOT NULL;
  CREATE INDEX deadlines_failing ON deadlines (status, attempts, source);
  CREATE INDEX deadlines_leases ON deadlines (lease_owner) WHERE lease_owner IS NOT NULL;
  `,
  // 3: people and keys: principals act for an organisation and can be disabled; API keys move to
  // their own table (the SHA-256 digests of older releases are kept, marked `sha256`, and re-keyed
  // by the service at start-up); sign-in tokens, web sessions, the audit trail; the outbox can
  // carry an account e-mail, whose content is in its own `body`.
  `
  CREATE TABLE api_keys (
    id TEXT PRIMARY KEY,
    principal_id TEXT NOT NULL,
    hash TEXT NOT NULL UNIQUE,
    hash_scheme TEXT NOT NULL,
    data TEXT NOT NULL
  );
  CREATE INDEX api_keys_by_principal ON api_keys (principal_id, id);
  CREATE INDEX api_keys_by_scheme ON api_keys (hash_scheme);
  INSERT INTO api_keys (id, principal_id, hash, hash_scheme, data)
    SELECT 'key-' || id, id, key_hash, 'sha256',
      json_object('id', 'key-' || id, 'principalId', id, 'name', 'API key', 'prefix', 'key-' || id, 'hash', key_hash,
        'hashScheme', 'sha256', 'createdAt', strftime('%Y-%m-%dT%H:%M:%fZ', 'now'),
        'expiresAt', NULL, 'lastUsedAt', NULL, 'revokedAt', NULL)
    FROM principals;

  CREATE TABLE principals_people (
    id TEXT PRIMARY KEY,
    role TEXT NOT NULL,
    economy TEXT,
    organisation TEXT NOT NULL,
    email TEXT NOT NULL COLLATE NOCASE,
    disabled INTEGER NOT NULL,
    data TEXT NOT NULL
  );
  INSERT INTO principals_people (id, role, economy, organisation, email, disabled, data)
    SELECT id, role, economy, COALESCE(json_extract(data, '$.cabId'), id), json_extract(data, '$.email'), 0,
      json_set(json_remove(data, '$.apiKeyHash'), '$.organisation', COALESCE(json_extract(data, '$.cabId'), id))
    FROM principals;
  DROP TABLE principals;
  ALTER TABLE principals_people RENAME TO principals;
  CREATE INDEX principals_by_role ON principals (role, economy);
  CREATE INDEX principals_by_organisation ON principals (organisation, id);
  CREATE INDEX principals_by_email ON principals (email, disabled);
  CREATE INDEX principals_by_economy ON principals (economy, id);

  CREATE TABLE sign_in_tokens (hash TEXT PRIMARY KEY, principal_id TEXT NOT NULL, expires_at TEXT NOT NULL, data TEXT NOT NULL);
  CREATE TABLE sessions (id TEXT PRIMARY KEY, principal_id TEXT, expires_at TEXT NOT NULL, data TEXT NOT NULL);
  CREATE INDEX sessions_by_principal ON sessions (principal_id);
  CREATE INDEX sessions_by_expiry ON sessions (expires_at);
  CREATE TABLE audit (
    seq INTEGER PRIMARY KEY AUTOINCREMENT,
    id TEXT NOT NULL UNIQUE,
    organisation TEXT NOT NULL,
    data TEXT NOT NULL
  );
  CREATE INDEX audit_by_organisation ON audit (organisation, seq);

  ALTER TABLE outbox ADD COLUMN body TEXT;
  `,
  // 4: search: look-ups by one field in creation order, and folded free text in an FTS5 trigram index.
  `
  -- A field's instances in creation order, so a look-up by one field pages without sorting.
  ALTER TABLE instance_fields ADD COLUMN created_at TEXT NOT NULL DEFAULT '';
  UPDATE instance_fields SET created_at =
    (SELECT i.created_at FROM instances i WHERE i.kind = instance_fields.kind AND i.id = instance_fields.id);
  CREATE INDEX instance_fields_in_order ON instance_fields (kind, field, value, created_at, id);

  -- Free text, folded by the engine: one row per instance and text field, and one (field '*')
  -- with all its text, for a search box that looks everywhere. The FTS5 trigram index over
  -- them answers substring look-ups of three characters or more; triggers keep it in step.
  CREATE TABLE text_keys (
    n INTEGER PRIMARY KEY,
    kind TEXT NOT NULL,
    id TEXT NOT NULL,
    field TEXT NOT NULL,
    value TEXT NOT NULL
  );
  CREATE UNIQUE INDEX text_keys_by_instance ON text_keys (kind, id, field);
  CREATE VIRTUAL TABLE text_index USING fts5(value, content = 'text_keys', content_rowid = 'n', tokenize = 'trigram');
  CREATE TRIGGER text_keys_indexed AFTER INSERT ON text_keys BEGIN
    INSERT INTO text_index (rowid, value) VALUES (new.n, new.value);
  END;
  CREATE TRIGGER text_keys_unindexed AFTER DELETE ON text_keys BEGIN
    INSERT INTO text_index (text_index, rowid, value) VALUES ('delete', old.n, old.value);
  END;
  `,
  // 5: settings of the store itself, such as the search-index version it was last indexed by.
  `
  CREATE TABLE store_settings (name TEXT PRIMARY KEY, value TEXT NOT NULL);
  `,
  // 6: watches and webhooks (docs/watches-and-webhooks.md): a principal's watches, found by the
  // key of what they watch; organisations' endpoints; one delivery row per endpoint and
  // transition, written in the transition's commit and claimed under a lease like the outbox.
  `
  CREATE TABLE watches (
    id TEXT PRIMARY KEY,
    principal_id TEXT NOT NULL,
    key TEXT NOT NULL,
    created_at TEXT NOT NULL,
    data TEXT NOT NULL,
    UNIQUE (principal_id, key)
  );
  CREATE INDEX watches_by_key ON watches (key);
  CREATE INDEX watches_by_principal ON watches (principal_id, created_at, id);

  CREATE TABLE webhook_endpoints (
    id TEXT PRIMARY KEY,
    organisation TEXT NOT NULL,
    active INTEGER NOT NULL,
    created_at TEXT NOT NULL,
    data TEXT NOT NULL
  );
  CREATE INDEX webhook_endpoints_by_organisation ON webhook_endpoints (organisation, created_at, id);
  CREATE INDEX webhook_endpoints_active ON webhook_endpoints (active, created_at, id);
  CREATE INDEX webhook_endpoints_by_age ON webhook_endpoints (created_at, id);

  CREATE TABLE webhook_deliveries (
    id TEXT PRIMARY KEY,
    endpoint_id TEXT NOT NULL,
    kind TEXT NOT NULL,
    instance_id TEXT NOT NULL,
    seq INTEGER NOT NULL,
    type TEXT NOT NULL,
    body TEXT NOT NULL,
    status TEXT NOT NULL,
    attempts INTEGER NOT NULL DEFAULT 0,
    next_attempt_at TEXT NOT NULL,
    lease_owner TEXT,
    lease_until TEXT,
    last_error TEXT,
    last_status INTEGER,
    delivered_at TEXT,
    created_at TEXT NOT NULL
  ) WITHOUT ROWID;
  CREATE INDEX webhook_deliveries_due ON webhook_deliveries (status, next_attempt_at, id);
  CREATE INDEX webhook_deliveries_by_endpoint ON webhook_deliveries (endpoint_id, id);
  CREATE INDEX webhook_deliveries_by_endpoint_status ON webhook_deliveries (endpoint_id, status, id);
  CREATE INDEX webhook_deliveries_leases ON webhook_deliveries (lease_owner) WHERE lease_owner IS NOT NULL;
  `,
  // 7: the outbox's counts by status, kept by triggers in the transaction of every write that
  // changes them, so the admin view and start-up read three rows instead of counting millions.
  `
  CREATE TABLE outbox_counts (status TEXT PRIMARY KEY, n INTEGER NOT NULL) WITHOUT ROWID;
  INSERT INTO outbox_counts (status, n)
    SELECT column1, (SELECT count(*) FROM outbox WHERE status = column1) FROM (VALUES ('pending'), ('sent'), ('dead'));
  CREATE TRIGGER outbox_counts_insert AFTER INSERT ON outbox BEGIN
    UPDATE outbox_counts SET n = n + 1 WHERE status = NEW.status;
  END;
  CREATE TRIGGER outbox_counts_update AFTER UPDATE OF status ON outbox WHEN OLD.status <> NEW.status BEGIN
    UPDATE outbox_counts SET n = n - 1 WHERE status = OLD.status;
    UPDATE outbox_counts SET n = n + 1 WHERE status = NEW.status;
  END;
  CREATE TRIGGER outbox_counts_delete AFTER DELETE ON outbox BEGIN
    UPDATE outbox_counts SET n = n - 1 WHERE status = OLD.status;
  END;
  `,
  // 8: a transition's e-mail is kept as what its history row does not already say (the data and
  // the pending deadlines, in \`mail\`), not as a second copy of the whole entry. Rows written
  // before keep their \`notification\`, which is still read.
  `
  ALTER TABLE history ADD COLUMN mail TEXT;
  `,
  // 9: smaller at a register's size. The fields' key becomes the order a find pages in (kind,
  // field, value, created_at, id), so the second copy of every field row, the index
  // instance_fields_in_order, goes. The queues' indexes keep only the rows their lookups can
  // want: pending messages by age, pending deadlines by due time, and the failing ones; the
  // millions of sent and done rows are no longer indexed three times over.
  `
  CREATE TABLE instance_fields_keyed (
    kind TEXT NOT NULL,
    field TEXT NOT NULL,
    value TEXT NOT NULL,
    created_at TEXT NOT NULL,
    id TEXT NOT NULL,
    PRIMARY KEY (kind, field, value, created_at, id)
  ) WITHOUT ROWID;
  INSERT INTO instance_fields_keyed (kind, field, value, created_at, id)
    SELECT kind, field, value, created_at, id FROM instance_fields;
  DROP TABLE instance_fields;
  ALTER TABLE instance_fields_keyed RENAME TO instance_fields;
  CREATE INDEX instance_fields_by_instance ON instance_fields (kind, id);
  DROP INDEX outbox_by_age;
  CREATE INDEX outbox_pending_by_age ON outbox (created_at) WHERE status = 'pending';
  DROP INDEX deadlines_due;
  CREATE INDEX deadlines_pending_by_due ON deadlines (due_at) WHERE status = 'pending';
  DROP INDEX deadlines_failing;
  CREATE INDEX deadlines_pending_failing ON deadlines (source) WHERE status = 'pending' AND attempts > 0;
  `,
  // 10: an instance's row names its own field and unique-key rows (\`index_rows\`,
  // src/store/sqlite/index-rows.ts), so a change deletes each of them by its full key and the
  // two indexes by instance, a second copy of every one of those rows, go.
  `
  ALTER TABLE instances ADD COLUMN index_rows;
  UPDATE instances SET index_rows = json_object(
    'fields', (SELECT json_group_array(json_array(f.field, f.value)) FROM instance_fields f WHERE f.kind = instances.kind AND f.id = instances.id),
    'keys', (SELECT json_group_array(u.key) FROM unique_keys u WHERE u.kind = instances.kind AND u.id = instances.id));
  DROP INDEX instance_fields_by_instance;
  DROP INDEX unique_keys_by_instance;
  `,
  // 11: half the trigram work per write. Only the row of all an instance's text (field '*') is
  // trigram-indexed, through the view text_all; a field's own row is checked by \`instr\` on the
  // candidates (src/store/sqlite/find-sql.ts), so each text is indexed once instead of twice. No
  // column sizes are kept (nothing ranks); detail stays full, which the phrase of a fragment needs
  // (FTS5 refuses phrase queries otherwise). The index is rebuilt from the rows the file has.
  `
  DROP TRIGGER text_keys_indexed;
  DROP TRIGGER text_keys_unindexed;
  DROP TABLE text_index;
  CREATE VIEW text_all AS SELECT n, value FROM text_keys WHERE field = '*';
  CREATE VIRTUAL TABLE text_index USING fts5(value, content = 'text_all', content_rowid = 'n', tokenize = 'trigram', columnsize = 0);
  CREATE TRIGGER text_keys_indexed AFTER INSERT ON text_keys WHEN new.field = '*' BEGIN
    INSERT INTO text_index (rowid, value) VALUES (new.n, new.value);
  END;
  CREATE TRIGGER text_keys_unindexed AFTER DELETE ON text_keys WHEN old.field = '*' BEGIN
    INSERT INTO text_index (text_index, rowid, value) VALUES ('delete', old.n, old.value);
  END;
  INSERT INTO text_index (text_index) VALUES ('rebuild');
  `,
];

/**
 * Brings the file's tables up to date; each step runs in its own transaction.
 *
 * @param target the schema to stop at (tests write files as an older release did).
 */
export function migrateSchema(db: Database, target = STEPS.length): void {
  const current = db.pragma('user_version', { simple: true }) as number;
  if (current > STEPS.length) {
    throw new Error(
      `The database was written by a newer release (schema ${current}; this release knows up to ${STEPS.length}). Upgrade the service or use another MRA_DB_PATH.`,
    );
  }
  STEPS.slice(current, target).forEach((sql, index) => {
    db.transaction(() => {
      db.exec(sql);
      db.pragma(`user_version = ${current + index + 1}`);
    })();
  });
}
