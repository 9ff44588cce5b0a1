/**
 * Everything the web pages say in one language, beside the e-mail wording (`../en.ts`, `../vi.ts`)
 * whose state, event, reason and deadline names the pages reuse. The words no kind owns are one
 * file per language (`en.ts`, `vi.ts`), read top to bottom; each kind's list title, form fields
 * and actions of its own come from its folder (`src/kinds/<kind>/words.ts`). The page code holds
 * no words of its own.
 */
import type { FieldText } from '../../kinds/kit/words.js';
import type { Kind } from '../../kinds/types.js';

export type { FieldText } from '../../kinds/kit/words.js';

/** The page words no kind owns; `PageText` adds the kinds' list titles, fields and actions. */
export interface GeneralPageText {
  siteName: string;
  skipToContent: string;
  nav: {
    label: string;
    home: string;
    lookup: string;
    register: string;
    machines: string;
    work: string;
    people: string;
    outbox: string;
    signIn: string;
    signOut: string;
    signedInAs: (name: string) => string;
  };
  language: { label: string; switchTo: string; other: string; apply: string };
  home: { title: string; lead: string; publicHeading: string; signedInHeading: string; links: Record<'lookup' | 'statuses' | 'register' | 'verify' | 'coverage' | 'statistics' | 'machines' | 'work' | 'signIn', string> };
  lookup: {
    title: string;
    lead: string;
    economy: string;
    query: string;
    queryHelp: string;
    search: string;
    results: (count: number) => string;
    none: string;
    columns: { reportNumber: string; equipment: string; lab: string; state: string; decided: string; validUntil: string };
    statusesLink: string;
    /** The download of every accepted report of the economy, and its columns' headers. */
    acceptedCsv: string;
    acceptedXlsx: string;
    acceptedSheet: string;
    acceptedColumns: Record<
      'reportNumber' | 'lab' | 'labId' | 'labEconomy' | 'designationNumber' | 'manufacturer' | 'model' | 'category' | 'hardwareVersion' | 'softwareVersion' | 'regulations' | 'testedAt' | 'issuedAt' | 'acceptedAt' | 'validUntil',
      string
    >;
    tooShort: string;
    more: string;
  };
  statuses: { title: string; lead: string; meaning: Readonly<Record<string, string>> };
  register: {
    title: string;
    lead: string;
    importing: string;
    exporting: string;
    any: string;
    show: string;
    csv: string;
    xlsx: string;
    none: string;
    /** The "as of" date of the form, and what it means. */
    asOf: string;
    asOfHint: string;
    columns: {
      designationNumber: string;
      cab: string;
      type: string;
      exporting: string;
      scope: string;
      since: string;
      until: string;
      state: string;
      arrangement: string;
      accreditation: string;
      accreditationBody: string;
      certificateNumber: string;
      certificateUntil: string;
      regulation: string;
      regulationState: string;
      suspendedSince: string;
      suspendedAt: string;
      suspendedBy: string;
    };
    /** A recognition in force with some of its regulations suspended. */
    partlySuspended: string;
    /** Who imposed a suspension: the importing economy's regulator or the CAB's designating authority. */
    sides: Record<'importing_regulator' | 'designating_authority' | 'unrecorded', string>;
    /** "since 7 December 2026" before the side that suspended. */
    sinceDay: (day: string) => string;
    /** On a recognition's record: the heading of its open suspensions, and what each covers. */
    suspensionsHeading: string;
    whole: string;
    only: (regulations: string) => string;
  };
  machines: {
    title: string;
    lead: string;
    version: (n: number) => string;
    statesHeading: string;
    state: string;
    event: string;
    leadsTo: string;
    sentBy: string;
    deadlines: string;
    initial: string;
    final: string;
    current: string;
    stays: string;
    automatic: string;
    /** A transition the machine takes by itself on entering a state (screening decides). */
    onEntry: string;
    diagramLabel: (noun: string) => string;
  };
  people: {
    title: string;
    lead: string;
    columns: { name: string; role: string; email: string; organisation: string; status: string };
    active: string;
    disabledSince: (when: string) => string;
    add: string;
    created: (name: string) => string;
    roles: Readonly<Record<string, string>>;
    keys: string;
    noKeys: string;
    keyColumns: { name: string; prefix: string; created: string; lastUsed: string; expires: string; status: string };
    revokedSince: (when: string) => string;
    revoke: string;
    revoked: string;
    mint: string;
    mintHelp: string;
    minted: string;
    mintedHelp: string;
    disable: string;
    disableHelp: string;
    disabled: string;
    keyName: string;
    keyExpires: string;
    reason: string;
  };
  files: {
    report: string;
    reportHelp: string;
    annexes: string;
    annexesHelp: string;
    roles: Readonly<Record<'report' | 'annex', string>>;
    size: (bytes: number) => string;
  };
  verify: {
    title: string;
    lead: string;
    byFile: string;
    file: string;
    fileHelp: string;
    byHash: string;
    hash: string;
    hashHelp: string;
    check: string;
    verified: string;
    notVerified: string;
    badHash: string;
    noFile: string;
    link: string;
  };
  coverage: {
    title: string;
    lead: string;
    economy: string;
    manufacturer: string;
    manufacturerHelp: string;
    model: string;
    modelHelp: string;
    check: string;
    byCertificate: (model: string, economy: string) => string;
    byReport: (model: string, economy: string) => string;
    notCovered: (model: string, manufacturer: string, economy: string) => string;
    basis: string;
    kinds: { certificate: string; 'test-report': string };
    columns: { basis: string; equipment: string; issuer: string; regulations: string; validUntil: string };
    throughEquivalence: (regulations: string) => string;
    open: (number: string) => string;
    whatToDo: string;
    byTest: (importing: string, partner: string) => string;
    byCertification: (importing: string, partner: string) => string;
    noArrangement: (importing: string) => string;
    registerLink: (importing: string) => string;
    tooShort: string;
    tooLong: (max: number) => string;
    missing: string;
    unknownEconomy: string;
    link: string;
  };
  signIn: {
    title: string;
    lead: string;
    byEmail: string;
    email: string;
    emailHelp: string;
    sendLink: string;
    linkSent: (minutes: number) => string;
    byKey: string;
    key: string;
    keyHelp: string;
    submit: string;
    wrong: string;
    needed: string;
    /** The page an e-mailed link opens: one button, so a mail scanner following links signs nobody in. */
    fromLink: string;
    fromLinkLead: string;
    linkRefused: string;
  };
  work: { title: string; lead: string; none: string; filters: string; kind: string; state: string; economy: string; text: string; any: string; apply: string; deadline: string; noDeadline: string; canSend: string;
    /** "My work" read a bounded page of some kinds: their full lists show the rest. */
    more: string;
  };
  list: { empty: string; next: string; create: string; open: string; updated: string };
  instance: {
    state: string;
    data: string;
    diagram: string;
    timeline: string;
    facts: string;
    cause: string;
    pending: string;
    noPending: string;
    documents: string;
    noDocuments: string;
    actions: string;
    noActions: string;
    send: string;
    version: (n: number) => string;
    conflict: string;
    conflictChanges: string;
    sent: string;
    created: string;
    system: string;
  };
  create: { title: (noun: string) => string; submit: string };
  cab: { title: string; id: string; name: string; type: string; types: Record<'lab' | 'certification_body', string>; economy: string; address: string; email: string; language: string; submit: string; created: (name: string) => string };
  outbox: { title: string; counts: string; status: Record<'pending' | 'sent' | 'dead', string>; dead: string; none: string; recipient: string; subject: string; attempts: string; error: string; requeue: string; requeued: string };
  /** An event as the action that sends it: "Accept", "Chấp nhận"; `kind:EVENT` where one kind words it apart. History keeps the e-mail wording. */
  actions: Readonly<Record<string, string>>;
  fields: Readonly<Record<string, FieldText>>;
  /**
   * Coded values a record holds, as a person reads them, where no other word list has them
   * (states, events, reasons and roles come from the e-mail wording; a document's role from `files`).
   */
  values: {
    yes: string;
    no: string;
    onNoAnswer: Readonly<Record<'review' | 'close', string>>;
    languages: Readonly<Record<'en' | 'vi', string>>;
    /** Other coded values, by the field that holds them (`designationNumbers`, `visitKind`, `outcome`…). */
    codes: Readonly<Record<string, Readonly<Record<string, string>>>>;
  };
  form: { required: string; optional: string; onePerLine: string; choose: string; errorSummary: string };
  /** What a refusal means, by the engine's error code. */
  errors: Readonly<Record<string, string>>;
  /** A field's validation problem, by the code `src/http/web/refusal.ts` derives from its ajv keyword. */
  fieldErrors: Readonly<Record<FieldProblem, string>>;
  notFound: { title: string; body: string; home: string };
  forbidden: { title: string; body: string };
  footer: string;
}

/** The field problems a page words: the ajv keywords it names, an e-mail format apart, and the rest. */
export type FieldProblem = 'required' | 'maxLength' | 'minLength' | 'pattern' | 'format' | 'email' | 'invalid';

/** Everything the web pages say in one language. */
export interface PageText extends GeneralPageText {
  /** Plural titles of each kind's list. */
  kinds: Readonly<Record<Kind, string>>;
}
