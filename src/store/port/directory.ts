/** Reference data: economies, technical regulations, CABs and the principals who act. */
import type { PrincipalRole } from '../../kinds/types.js';
import type { AuditEntry } from './access.js';
import type { Page } from './page.js';

export interface EconomyRecord {
  code: string;
  name: string;
  nameVi?: string;
}

export interface RegulationRecord {
  id: string;
  economy: string;
  title?: string;
  titleVi?: string;
  /** When the version was replaced: from then on results against it are refused, but for its transition period. */
  retiredAt?: string;
  supersededBy?: string;
  /** End of the transition period: until then a result made before `retiredAt` is still taken. */
  acceptedUntil?: string;
}

export interface CabRecord {
  id: string;
  name: string;
  economy: string;
  type: 'lab' | 'certification_body';
  email: string;
  language: 'en' | 'vi';
}

export interface PrincipalRecord {
  id: string;
  name: string;
  role: PrincipalRole;
  economy?: string;
  cabId?: string;
  /**
   * Whom the principal acts for: the regulator, authority, body or importer (an id shared by its
   * officers), or the CAB (its id). Two officers of one body are two principals of one organisation.
   */
  organisation: string;
  /** Economies besides its own whose CABs an accreditation body may accredit. */
  serves?: string[];
  email: string;
  language: 'en' | 'vi';
  createdAt?: string;
  /** Set when disabled: the principal's keys and sessions stop working; history keeps its name. */
  disabledAt?: string;
}


/** Reference data: economies, technical regulations, CABs and the principals who act. */
export interface DirectoryStore {
  /** True when nothing has been loaded yet (start-up seeds only an empty store). */
  isEmpty(): Promise<boolean>;
  putEconomy(economy: EconomyRecord): Promise<void>;
  listEconomies(): Promise<EconomyRecord[]>;
  getEconomy(code: string): Promise<EconomyRecord | null>;
  putRegulation(regulation: RegulationRecord): Promise<void>;
  getRegulations(ids: readonly string[]): Promise<RegulationRecord[]>;
  listRegulations(query: { economy?: string }): Promise<RegulationRecord[]>;
  /** Creates or replaces a CAB. */
  putCab(cab: CabRecord): Promise<void>;
  getCab(id: string): Promise<CabRecord | null>;
  listCabs(query: { economy?: string; limit: number; cursor?: string | null }): Promise<Page<CabRecord>>;
  /** Creates or replaces a principal, and appends `audit` in the same write when given. */
  putPrincipal(principal: PrincipalRecord, audit?: AuditEntry): Promise<void>;
  getPrincipal(id: string): Promise<PrincipalRecord | null>;
  /** The principal with this e-mail address (case-insensitive), enabled ones first; null if none. */
  principalByEmail(email: string): Promise<PrincipalRecord | null>;
  /**
   * Enabled principals (disabled ones hear of nothing), of a role and/or of an organisation, in
   * any of the economies if given.
   */
  findPrincipals(query: { role?: PrincipalRole; organisation?: string; economies?: readonly string[] }): Promise<PrincipalRecord[]>;
  /** Principals, disabled ones included, by id; filtered by organisation and/or economy. */
  listPrincipals(query: { organisation?: string; economy?: string; limit: number; cursor?: string | null }): Promise<Page<PrincipalRecord>>;
  /** The next number of a named sequence (designation numbers), from 1; gaps are possible. */
  nextSequence(name: string): Promise<number>;
}
