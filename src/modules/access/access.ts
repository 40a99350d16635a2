import { CLINICAL_READ_ROLES, ENTRY_ROLES, Role, SITE_ROLES } from "./role";

export interface Assignment {
  role: Role;
  studyId: number;
  siteId: number | null;
}

export interface Actor {
  id: number;
  username: string;
  displayName: string;
}

/** Clinical data a caller may read: everything of `studyIds`, plus the sites in `siteIds`. */
export interface SiteScope {
  studyIds: number[];
  siteIds: number[];
}

/**
 * Who is calling and what they may do. Built once per request from the bearer token; the data-loading
 * layer reads `scope()` to filter every node and edge, mutations ask `canEnterAt()`.
 */
export class Access {
  private constructor(
    readonly actor: Actor | null,
    readonly assignments: Assignment[],
    private readonly unrestricted: boolean,
  ) {}

  /** The service itself: demo loading, the command line, migrations; `actor` names who ran it, for the audit trail. */
  static system(actor: Actor = { id: 0, username: "system", displayName: "basketql" }): Access {
    return new Access(actor, [], true);
  }

  static anonymous(): Access {
    return new Access(null, [], false);
  }

  static of(actor: Actor, assignments: Assignment[]): Access {
    return new Access(actor, assignments, false);
  }

  get authenticated(): boolean {
    return this.actor !== null;
  }

  get isSystem(): boolean {
    return this.unrestricted;
  }

  hasRole(...roles: Role[]): boolean {
    return this.unrestricted || this.assignments.some((a) => roles.includes(a.role));
  }

  /** null when unrestricted; otherwise the studies and sites whose clinical data the caller may read. */
  scope(): SiteScope | null {
    return this.scopeFor(CLINICAL_READ_ROLES);
  }

  /**
   * null when unrestricted; otherwise the studies and sites where the caller holds one of `roles`. An
   * assignment that names a site covers that site only, whatever its role (study-wide roles are granted
   * without a site, but a stored one naming a site is not widened); a site role without a site covers nothing.
   */
  scopeFor(roles: ReadonlySet<Role>): SiteScope | null {
    if (this.unrestricted) return null;
    const held = this.assignments.filter((a) => roles.has(a.role));
    return {
      studyIds: [...new Set(held.filter((a) => a.siteId === null && !SITE_ROLES.has(a.role)).map((a) => a.studyId))],
      siteIds: [...new Set(held.filter((a) => a.siteId !== null).map((a) => a.siteId!))],
    };
  }

  canRead(studyId: number, siteId: number): boolean {
    const scope = this.scope();
    return scope === null || scope.studyIds.includes(studyId) || scope.siteIds.includes(siteId);
  }

  /** Entering clinical data: an investigator or coordinator of that site. */
  canEnterAt(siteId: number): boolean {
    return this.unrestricted || this.assignments.some((a) => ENTRY_ROLES.has(a.role) && a.siteId === siteId);
  }

  /** Holds `role` for this study (study-wide, or at this site for site roles). A person, never the system, signs. */
  holds(role: Role, studyId: number, siteId: number): boolean {
    return this.unrestricted || this.assignments.some((a) => a.role === role && a.studyId === studyId && (a.siteId === null || a.siteId === siteId));
  }

  /** Analysts who hold no other clinical role see de-identified data only. */
  get deidentified(): boolean {
    if (this.unrestricted) return false;
    const clinical = this.assignments.filter((a) => CLINICAL_READ_ROLES.has(a.role));
    return clinical.length > 0 && clinical.every((a) => a.role === Role.ANALYST);
  }
}
