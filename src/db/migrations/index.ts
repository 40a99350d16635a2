import { Initial1764000000000 } from "./1764000000000-initial";
import { UsersAndRoles1764100000000 } from "./1764100000000-users-and-roles";

/** Every migration, oldest first. Schema changes are made only through these. */
export const migrations = [Initial1764000000000, UsersAndRoles1764100000000];
